"""Writes the ingest benchmark's dataset shape: ROWS staffing-worker rows x 18 columns (ids, names,
cities, roles, numbers, booleans, dates, timestamps, free text with quoted commas), seeded, so every
run ingests the same bytes. Usage: workers_csv.py OUT.csv [ROWS]"""
import csv
import random
import sys
from datetime import date, datetime, timedelta

out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
rnd = random.Random(42)
cities = [f"City {i:02d}" for i in range(60)]
states = ["CA", "TX", "NY", "WA", "IL", "FL", "OR", "MA", "CO", "GA"]
roles = ["welder", "nurse", "driver", "electrician", "picker", "cook", "clerk", "mechanic", "carpenter", "tutor"]
first = ["Ana", "Ben", "Chloé", "Dev", "Eli", "Fatima", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lena"]
last = ["Smith", "Garcia", "Ngata", "Okafor", "Ivanova", "Kim", "Dubois", "Rossi", "Haddad", "Silva"]
skills = ["forklift", "CPR", "CDL-A", "OSHA-10", "Excel", "Spanish", "MIG", "TIG", "HVAC", "POS"]
d0, t0 = date(2015, 1, 1), datetime(2024, 1, 1)
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["worker_id", "first_name", "last_name", "city", "state", "role", "years_experience",
                "hourly_rate", "rating", "available", "start_date", "last_active", "skills",
                "certifications", "email", "phone", "reliability_score", "notes"])
    for i in range(rows):
        fn, ln = rnd.choice(first), rnd.choice(last)
        w.writerow([
            100000 + i, fn, ln, rnd.choice(cities), rnd.choice(states), rnd.choice(roles),
            rnd.randint(0, 40), round(rnd.uniform(15, 95), 2), round(rnd.uniform(1, 5), 3),
            "true" if rnd.random() < 0.6 else "false",
            (d0 + timedelta(days=rnd.randint(0, 3500))).isoformat(),
            (t0 + timedelta(seconds=rnd.randint(0, 86400 * 300))).isoformat(sep=" "),
            ";".join(rnd.sample(skills, 3)), rnd.randint(0, 6),
            f"{fn.lower()}.{ln.lower()}{i}@example.com", f"+1-555-{rnd.randint(0, 9999999):07d}",
            round(rnd.random(), 4),
            f"shift notes for {fn}, {rnd.choice(roles)}; prefers {rnd.choice(['days', 'nights', 'weekends'])}",
        ])
