"""The zone profile: who the zone is, per Site (issue 14, docs/zones.md)."""
