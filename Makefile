# ZonePortal: `make run` to try it, `make test` to check it.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
DEV := DJANGO_SETTINGS_MODULE=zoneportal.settings.dev

.PHONY: run test install migrate demo lint format messages clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

migrate: install
	$(DEV) $(BIN)/python manage.py migrate --no-input

demo: migrate
	$(DEV) $(BIN)/python manage.py load_demo --users

run: demo
	@echo "Serving http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)"
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(DEV) $(BIN)/python manage.py makemessages -l zh_Hans -l ja -l ko --ignore=.venv --ignore=tests --ignore=bench --no-obsolete
	$(DEV) $(BIN)/python manage.py compilemessages --ignore=.venv

cluster-start: install
	deploy/local-cluster start

cluster-stop:
	deploy/local-cluster stop

# Rolling restart: app servers one at a time (out of nginx's pool, restarted, ready,
# back in), then the task workers; no request is refused meanwhile.
cluster-restart:
	deploy/local-cluster restart

.PHONY: cluster-start cluster-stop cluster-restart

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media static_collected var

# Backups (docs/operations.md): the settings in DJANGO_SETTINGS_MODULE (production on a
# server, dev otherwise); folders go to $(BACKUP_DIR) (default var/backups).
.PHONY: backup restore
OPS_SETTINGS = DJANGO_SETTINGS_MODULE=$(or $(DJANGO_SETTINGS_MODULE),zoneportal.settings.dev)

backup:
	$(OPS_SETTINGS) $(BIN)/python manage.py backup

restore:
	@test -n "$(FROM)" || { echo "usage: make restore FROM=<backup folder>"; exit 2; }
	$(OPS_SETTINGS) $(BIN)/python manage.py restore "$(FROM)" --yes
