#!/usr/bin/env python3
"""Example sqlforge `cmd:` driver: SQLite (Python's sqlite3) over the JSON-lines
protocol in docs/CMD_PROTOCOL.md. One request per line on stdin, one reply
per line on stdout.

Usage: sqlforge exec --engine "cmd:python3 scripts/drivers/sqlite_driver.py" "SELECT 1"

Flags (for testing the adapter):
  --die-on SUBSTRING      exit abruptly when a statement contains SUBSTRING
  --garbage-on SUBSTRING  print a non-JSON line when a statement contains it
  --hang-on SUBSTRING     never answer when a statement contains it
  --plant-left-join-on-true
                          a planted logic bug (Dolt's): LEFT JOIN ... ON TRUE
                          runs as an inner join, so an empty right side
                          loses every row
"""
import argparse
import json
import re
import sqlite3
import sys
import time

TYPE_BY_PYTHON = {int: "INTEGER", float: "REAL", str: "TEXT", bytes: "BLOB"}


def fresh_db():
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def json_cell(v):
    if isinstance(v, bytes):
        return v.hex()
    return v


def execute(db, sql):
    try:
        cur = db.execute(sql)
    except sqlite3.Error as e:
        code = getattr(e, "sqlite_errorname", None) or type(e).__name__
        return {"error": {"message": str(e), "code": code}}
    if cur.description is None:
        return {"affected": max(cur.rowcount, 0)}
    rows = cur.fetchall()
    names = [d[0] for d in cur.description]
    types = []
    for i in range(len(names)):
        first = next((r[i] for r in rows if r[i] is not None), None)
        types.append(TYPE_BY_PYTHON.get(type(first), ""))
    return {
        "columns": [{"name": n, "type": t} for n, t in zip(names, types)],
        "rows": [[json_cell(v) for v in r] for r in rows],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--die-on")
    ap.add_argument("--garbage-on")
    ap.add_argument("--hang-on")
    ap.add_argument("--plant-left-join-on-true", action="store_true")
    args = ap.parse_args()
    db = fresh_db()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            req = json.loads(line)
        except ValueError as e:
            print(json.dumps({"error": {"message": f"bad request: {e}", "code": "PROTOCOL"}}), flush=True)
            continue
        op = req.get("op")
        if op == "version":
            reply = {"version": f"sqlite {sqlite3.sqlite_version} (python driver)"}
        elif op == "reset":
            db.close()
            db = fresh_db()
            reply = {"ok": True}
        elif op == "execute":
            sql = req.get("sql", "")
            if args.die_on and args.die_on in sql:
                print("driver: dying on purpose", file=sys.stderr, flush=True)
                sys.exit(7)
            if args.garbage_on and args.garbage_on in sql:
                print("this is not json", flush=True)
                continue
            if args.hang_on and args.hang_on in sql:
                time.sleep(3600)
            if args.plant_left_join_on_true and "ON TRUE" in sql.upper():
                sql = re.sub(r"\bLEFT\s+JOIN\b", "JOIN", sql, flags=re.IGNORECASE)
            reply = execute(db, sql)
        else:
            reply = {"error": {"message": f"unknown op {op!r}", "code": "PROTOCOL"}}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
