#!/usr/bin/env python3
"""Writes a realistic staffing dataset as CSV: workers with role, city, state, skills, years of
experience, hourly rate and a short free-text resume. Deterministic for a given seed, so the
demo's answers are the same on every machine and a re-run ingests the same bytes."""
import argparse
import csv
import random
import sys

ROLES = {
    "Forklift Operator": (["forklift", "pallet jack", "OSHA forklift certification", "inventory counts", "loading docks"], 17, 26),
    "Warehouse Associate": (["picking and packing", "RF scanners", "shipping and receiving", "pallet jack", "inventory counts"], 15, 22),
    "CNC Machinist": (["CNC milling", "G-code", "blueprint reading", "calipers and micrometers", "quality inspection"], 22, 38),
    "Welder": (["MIG welding", "TIG welding", "blueprint reading", "AWS certification", "metal fabrication"], 20, 36),
    "Registered Nurse": (["patient care", "IV therapy", "EHR charting", "BLS and ACLS", "medication administration"], 34, 58),
    "Certified Nursing Assistant": (["patient care", "vital signs", "BLS", "bathing and feeding", "EHR charting"], 16, 24),
    "Truck Driver": (["CDL Class A", "DOT regulations", "route planning", "pre-trip inspections", "hazmat endorsement"], 24, 40),
    "Customer Service Rep": (["call handling", "CRM software", "conflict resolution", "typing 60 wpm", "order entry"], 15, 23),
    "Electrician": (["residential wiring", "commercial wiring", "NEC code", "conduit bending", "troubleshooting"], 26, 48),
    "Line Cook": (["food prep", "grill station", "ServSafe certification", "knife skills", "inventory rotation"], 14, 21),
    "Administrative Assistant": (["scheduling", "Microsoft Office", "data entry", "filing", "phone etiquette"], 16, 26),
    "Maintenance Technician": (["preventive maintenance", "HVAC basics", "hydraulics", "PLC troubleshooting", "lockout tagout"], 22, 36),
}

CITIES = [
    ("Chicago", "IL"), ("Joliet", "IL"), ("Aurora", "IL"), ("Rockford", "IL"), ("Peoria", "IL"),
    ("Naperville", "IL"), ("Elgin", "IL"), ("Indianapolis", "IN"), ("Fort Wayne", "IN"), ("Gary", "IN"),
    ("Milwaukee", "WI"), ("Madison", "WI"), ("Columbus", "OH"), ("Cleveland", "OH"), ("Dayton", "OH"),
    ("Detroit", "MI"), ("Grand Rapids", "MI"), ("St. Louis", "MO"), ("Kansas City", "MO"), ("Louisville", "KY"),
    ("Dallas", "TX"), ("Houston", "TX"), ("Atlanta", "GA"), ("Phoenix", "AZ"), ("Denver", "CO"),
]

FIRST = ["James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "Carlos", "Aisha",
         "Wei", "Olga", "Kwame", "Priya", "Luis", "Fatima", "Tyrone", "Mei", "Jose", "Hannah", "Dmitri", "Grace",
         "Andre", "Sofia", "Tom\u00e1s", "Zo\u00eb", "Ren\u00e9e", "Nguyen", "Ahmed", "Keisha"]
LAST = ["Smith", "Garcia", "Johnson", "Nguyen", "Williams", "Brown", "Martinez", "Kowalski", "Okafor", "Patel",
        "Chen", "Rodriguez", "O'Brien", "Jackson", "Hernandez", "M\u00fcller", "Kim", "Novak", "Lopez", "Davis"]

OPENERS = [
    "{years} years as a {role_l} in {city}, {state}.",
    "Experienced {role_l} based in {city}, {state} with {years} years on the job.",
    "{role} from {city}, {state}; {years} years of hands-on experience.",
]
SHIFT = ["Open to night and weekend shifts.", "Prefers first shift.", "Available for overtime.",
         "Looking for a long-term placement.", "Reliable transportation, never missed a shift."]
SAFETY = ["Holds a current OSHA safety certification.", "Completed OSHA 10 safety training.",
          "Safety certified with a clean incident record.", ""]


def resume(rng, role, city, state, years, skills):
    role_l = role.lower()
    parts = [rng.choice(OPENERS).format(role=role, role_l=role_l, city=city, state=state, years=years)]
    parts.append("Skilled in " + ", ".join(skills[:-1]) + " and " + skills[-1] + ".")
    safety = rng.choice(SAFETY) if role in ("Forklift Operator", "Warehouse Associate", "Maintenance Technician",
                                            "Welder", "Electrician", "Truck Driver") else ""
    if safety:
        parts.append(safety)
    parts.append(rng.choice(SHIFT))
    return " ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", default="-")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["worker_id", "name", "role", "city", "state", "skills", "years_experience",
                     "hourly_rate", "available", "resume"])
    roles = list(ROLES)
    for i in range(1, args.rows + 1):
        role = rng.choice(roles)
        skill_pool, low, high = ROLES[role]
        city, state = rng.choice(CITIES)
        years = rng.randint(0, 30)
        skills = rng.sample(skill_pool, 3)
        rate = round(rng.uniform(low, high) + years * 0.25, 2)
        name = rng.choice(FIRST) + " " + rng.choice(LAST)
        writer.writerow([f"W{i:05d}", name, role, city, state, "; ".join(skills), years, f"{rate:.2f}",
                         "true" if rng.random() < 0.7 else "false", resume(rng, role, city, state, years, skills)])
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
