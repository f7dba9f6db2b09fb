#!/usr/bin/env python3
"""Generates a labelled chat-style PII set with Faker (pinned in scripts/eval-faker).

Output: one JSON object per line, the same shape as
../shared/corpus/dev/pii_dev.jsonl: {"text", "spans":[{"start","end","type","value"}],
"source", "annotated_types", "locale"}; offsets are Unicode code points
(Python str indices), end exclusive. Fixed seed, so the file is reproducible
for a given Faker version.

The templates are our own chat sentences. Multi-line Faker addresses are
joined with ", " as people type them in a chat box. Some items carry no
entity at all (capitalized common words, companies, cities, months,
products) so PERSON/ADDRESS precision is measured too.

usage: faker_gen.py OUT.jsonl [N_PER_LOCALE] [SEED] [alt]

SEED defaults to 20261122 (the set the detectors were tuned on); use another
seed for a held-out set.
"""
import json
import os
import random
import re
import sys

# Faker's it_IT city list is built from a set, so its order (and the
# cities drawn) follow Python's string hashing: pin it, or the same seed
# gives a different file on each run.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

from faker import Faker  # noqa: E402

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL",
           "sv_SE", "en_IN", "en_CA", "en_AU", "pt_BR"]
TYPES = ["PERSON", "ADDRESS", "EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN"]

# {name} full name, {first} given name, {last} surname, {address}, {email},
# {phone}, {cc}, {iban}, {ssn} (en_US only). Plain words in braces never occur.
POSITIVE = [
    "Hi, I'm {name}. Could you ship the order to {address}?",
    "my name is {name} and I moved to {address} last month",
    "Please update the delivery address to {address}, thanks!",
    "Can you draft a reply to {name}? She asked about the invoice.",
    "Dear {name},\nthank you for your order. It will be sent to {address}.",
    "Hello, this is {name} from accounting, my direct line is {phone}.",
    "Write a polite reminder email to {name} ({email}) about the unpaid bill.",
    "My card is {cc}, exp 09/28, please charge the deposit.",
    "Transfer the rent to IBAN {iban}, reference: flat 3B.",
    "Summarize this: {name} called from {phone} and wants a refund.",
    "I live at {address}. Is that inside the delivery zone?",
    "Book a table for two under the name {name}, phone {phone}.",
    "Hi {first}, can you send me the contract by Friday?",
    "Thanks for the help!\n\nBest regards,\n{name}",
    "Could you translate this letter for {name}? Her address is {address}.",
    "Send the invoice to {email} and cc {name}.",
    "Our new tenant {name} will move into {address} on the 1st.",
    "The parcel for {name} came back, the label said {address}.",
    "My wife {name} will pick it up; call her at {phone} if needed.",
    "Please pay the supplier: IBAN {iban}, account holder {name}.",
    "Use card {cc} for the hotel in my name ({name}).",
    "Can you check why {name}'s payment with card {cc} failed?",
    "Meeting notes: {name} presented Q3 numbers, {name2} will follow up.",
    "Forward this to {name} at {email}, she handles the claims.",
    "I need a cover letter. Name: {name}, address: {address}, phone: {phone}, email: {email}.",
    "Reply to the customer {name} and confirm we refunded card {cc}.",
    "Mr. {last} asked whether we received the documents.",
    "Ask Dr. {last} to call me back on {phone}.",
    "Please change my shipping address from {address} to {address2}.",
    "Hey, it's {name}! Text me at {phone} when you land.",
    "Draft a complaint to my landlord {name}, the flat at {address} has mold.",
    "Regards,\n{name}\n{phone}",
    "The wire to {iban} bounced, can you tell me why?",
    "I talked to {name} yesterday about the budget.",
    "Please add {name} ({email}, {phone}) to the guest list.",
    "Where is my package? It was supposed to arrive at {address} on Monday.",
    "Hi team, {name} joined us as a designer today, say hello!",
    "Invoice recipient: {name}, {address}",
    "Contact person: {name}, tel. {phone}",
    "Can you write a birthday card for {first} {last}?",
    "Cancel the subscription for {email}, card ending {cc}.",
    "{name} is our new account manager, you can reach them at {email}.",
    "My colleague {name} will send the slides.",
    "Please verify this IBAN: {iban}",
    "Thanks {first}! I'll check with {name2} and get back to you.",
]
# A second, disjoint template set (written after tuning on POSITIVE) to check
# that the figures do not depend on the exact phrasing: faker_gen.py OUT N SEED alt
ALT_POSITIVE = [
    "yo can u resend the tracking link to {name}? thx",
    "{name} from the Lisbon office says the delivery to {address} failed twice.",
    "Need to return a jacket. Buyer: {name}. Pickup from {address}.",
    "Quick q - is {iban} a German or Dutch account? It belongs to {name}.",
    "The landlord, {name}, wants the deposit sent to {iban} by Monday.",
    "Remind me to call {first} tomorrow about the quote.",
    "pls fix the typo in {name}'s badge",
    "Our courier couldn't find {address}; can {name} confirm the house number?",
    "Just spoke with {name} - she'll mail the form to {address}.",
    "Who is {name}? They keep emailing {email} from {phone}.",
    "Order #5521 for {name}, deliver to: {address}",
    "Can you format this as a label?\n{name}\n{address}",
    "Ping {first} {last} on Slack, the build is broken again.",
    "card on file {cc} (holder {name}) was declined, what do I tell them?",
    "interview feedback for {name}: strong Rust skills, weak on SQL",
]
POSITIVE_US = [
    "My SSN is {ssn}, do you need anything else for the application?",
    "Fill in the form: name {name}, SSN {ssn}, address {address}.",
    "Is {ssn} a valid social security number format?",
]
NEGATIVE = [
    "Can you summarize the {company} annual report for me?",
    "What's the weather like in {city} in {month}?",
    "Write a haiku about Monday mornings and coffee.",
    "Explain the difference between Python lists and tuples.",
    "The Board approved the New Product Strategy on Tuesday.",
    "Please Review The Attached Document Before Friday.",
    "I want to visit {country} next summer, any tips?",
    "Our team uses Slack, Jira and Google Docs every day.",
    "Is {company} a good company to work for as a {job}?",
    "Translate 'Happy New Year' into French and German.",
    "Rank the top five cities for remote workers in Europe.",
    "Can you check the Grammar in this paragraph? It reads: Great Work, Everyone.",
    "Make a shopping list: Milk, Eggs, Bread, Olive Oil, Green Tea.",
    "Will it rain tomorrow? May is usually dry here.",
    "Mark the task as done and Grant access to the Sales folder.",
    "Bill me next month; Hope that works.",
    "Our slogan is: {catch}.",
    "{company} plans to {bs} next quarter.",
    "Set a reminder for April 3 at 10 am: Quarterly Review.",
    "Give me 3 Easy Recipes with Chicken and Rice.",
    "Which is better for Data Science, R or Python?",
    "The Red Cross and the World Health Organization published new guidance.",
    "Chapter 7 covers the French Revolution and the Napoleonic Wars.",
    "Order 2 Large Pizzas and 1 Garlic Bread, please.",
    "I have 3 Apple Watches and 2 iPads to sell.",
    "Book a flight from {city} to {city2} on {day}.",
    "What does Section 230 say about online platforms?",
    "Convert 25 Celsius to Fahrenheit.",
    "Tell me a joke about Java developers.",
    "The Lakers beat the Celtics 112 to 104.",
]


# Registered IBAN lengths (SWIFT registry) of the countries Faker draws.
IBAN_LENGTH = {"GB": 22, "DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "PL": 28,
               "SE": 24, "BR": 29}


def gen(fake, locale, rng, tpl, fallback_bank):
    def addr():
        a = fake.address()
        return re.sub(r"\s*\n\s*", ", ", a.strip())

    def phone():
        # Faker fills "0###..." formats with any digit, so de_DE, nl_NL,
        # sv_SE and en_IN numbers sometimes start with 00: the international
        # call prefix there, not a number anyone could dial. Draw again
        # (Faker's en_US "001-..." is the +1 number after that prefix).
        v = fake.phone_number()
        while re.match(r"\(?00", v) and not v.startswith("001-"):
            v = fake.phone_number()
        return v

    def iban():
        # Faker's generic bank provider (en_IN) makes 21-character "GB"
        # IBANs; a GB IBAN has 22. Those are not IBANs: take one from the
        # en_GB provider instead.
        v = fake.iban()
        if IBAN_LENGTH.get(v[:2]) != len(v):
            v = fallback_bank.iban()
        return v

    vals = {
        "name": ("PERSON", fake.name),
        "name2": ("PERSON", fake.name),
        "first": ("PERSON", fake.first_name),
        "last": ("PERSON", fake.last_name),
        "address": ("ADDRESS", addr),
        "address2": ("ADDRESS", addr),
        "email": ("EMAIL", fake.free_email),
        "phone": ("PHONE", phone),
        "cc": ("CREDIT_CARD", fake.credit_card_number),
        "iban": ("IBAN", iban),
        "ssn": ("US_SSN", fake.ssn),
        "company": (None, fake.company),
        "city": (None, fake.city),
        "city2": (None, fake.city),
        "country": (None, fake.country),
        "month": (None, fake.month_name),
        "day": (None, fake.day_of_week),
        "job": (None, fake.job),
        "catch": (None, fake.catch_phrase),
        "bs": (None, fake.bs),
    }
    text = ""
    spans = []
    for part in re.split(r"(\{[a-z0-9]+\})", tpl):
        m = re.fullmatch(r"\{([a-z0-9]+)\}", part)
        if not m:
            text += part
            continue
        typ, f = vals[m.group(1)]
        v = str(f()).strip()
        if typ:
            spans.append({"start": len(text), "end": len(text) + len(v), "type": typ, "value": v})
        text += v
    return {"text": text, "spans": spans, "source": f"faker_{locale}", "annotated_types": TYPES,
            "locale": locale}


def main():
    out = sys.argv[1]
    per = int(sys.argv[2]) if len(sys.argv) > 2 else 170
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261122
    rng = random.Random(seed)
    Faker.seed(seed)
    items = []
    fallback_bank = Faker("en_GB")
    fallback_bank.seed_instance(seed)
    for loc in LOCALES:
        fake = Faker(loc)
        fake.seed_instance(rng.randrange(1 << 30))
        alt = len(sys.argv) > 4 and sys.argv[4] == "alt"
        pos = ALT_POSITIVE if alt else POSITIVE + (POSITIVE_US if loc == "en_US" else [])
        for k in range(per):
            tpl = rng.choice(NEGATIVE) if rng.random() < 0.15 else pos[k % len(pos)]
            items.append(gen(fake, loc, rng, tpl, fallback_bank))
    with open(out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    n_spans = sum(len(i["spans"]) for i in items)
    print(f"wrote {len(items)} items, {n_spans} spans to {out}")


if __name__ == "__main__":
    main()
