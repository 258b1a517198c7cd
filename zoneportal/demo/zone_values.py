"""The demo zone's profile values: the Wuxi National Hi-tech District (WND).

Plain data without Django imports, so that the development and test settings can take
their installation defaults (time zone, site name, reference prefix) from the zone
they run; `content/zone.py` writes them into the demo Site's zone profile.
"""

TIME_ZONE = "Asia/Shanghai"
SITE_NAME = "Wuxi National Hi-tech District"
REFERENCE_PREFIX = "WND"
SECURITY_CONTACT = "mailto:security@wnd.gov.cn"

PROFILE = {
    "languages": ["en", "zh-hans", "ja", "ko"],
    "colour_primary": "#0b4f8a",
    "colour_primary_dark": "#083a66",
    "colour_accent": "#c2410c",
    # Approximate: the district government on Hefeng Road (to be checked on a map).
    "latitude": "31.490000",
    "longitude": "120.360000",
    "address_region": "Jiangsu",
    "postal_code": "214135",
    "address_country": "CN",
    "phone": "+86-510-68559016",
    "email": "bizwnd@wnd.gov.cn",
    "time_zone": TIME_ZONE,
    "holiday_calendar": "CN",
    "reference_prefix": REFERENCE_PREFIX,
    "first_reply_working_days": 2,
    "copyright_holder": "Wuxi National Hi-tech District Administrative Committee",
}

# Names as the UI catalogues (locale/*/LC_MESSAGES/django.po) translated them before
# issue 14 moved them into the profile.
TEXTS = {
    "en": {
        "official_name": SITE_NAME,
        "short_name": "WND",
        "alternate_names": "Xinwu District, Wuxi New District, WND",
        "tagline": "Xinwu · Invest in WND",
        "street_address": "No. 28 Hefeng Road, Xinwu District",
        "locality": "Wuxi",
        "time_zone_name": "China Standard Time",
    },
    "zh-hans": {
        "official_name": "无锡国家高新技术产业开发区",
        "short_name": "高新区",
        "alternate_names": "新吴区, 无锡新区, 无锡高新区",
        "tagline": "新吴 · 投资高新区",
        "street_address": "新吴区和风路28号",
        "locality": "无锡",
        "time_zone_name": "北京时间",
    },
    "ja": {
        "official_name": "無錫国家ハイテク産業開発区",
        "short_name": "無錫高新区",
        "alternate_names": "新呉区, 無錫新区",
        "tagline": "新呉区・無錫高新区への投資",
        "street_address": "新呉区和風路28号",
        "locality": "無錫",
        "time_zone_name": "中国標準時",
    },
    "ko": {
        "official_name": "우시 국가첨단기술산업개발구",
        "short_name": "우시 고신구",
        "alternate_names": "신우구, 우시 신구",
        "tagline": "신우구 · 우시 고신구 투자",
        "street_address": "신우구 허펑로 28호",
        "locality": "우시",
        "time_zone_name": "중국 표준시",
    },
}
