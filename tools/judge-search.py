#!/usr/bin/env python3
"""Writes data/search/judged.json: relevance judgements for the search evaluation.

The fixture corpus is the Compact's objectives and actions (en, nb, nl) plus the seed
practices and recommendations (English). Relevance follows written rules per query, so the
judgements can be reviewed and regenerated:
- grade 2: the objective documents (all three languages) of the objectives the query is
  about, and practices whose title is about the topic (title matches the English pattern);
- grade 1: actions of those objectives whose text matches the pattern of their language, and
  practices and recommendations whose text matches the English pattern.
The patterns were written by reading the texts, not from the engine's output.
"""
import json, re, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
en = json.loads((root / "data/compact/en.json").read_text())
structure = json.loads((root / "data/compact/structure.json").read_text())
langs = {l: json.loads((root / f"data/compact/{l}.json").read_text()) for l in ("nb", "nl")}
seeds = json.loads((root / "data/practices/seed-corpus.json").read_text())

docs = []  # (key, lang, title, text, objective or None)
for o in structure["objectives"]:
    n = o["number"]
    eo = next(x for x in en["objectives"] if x["number"] == n)
    docs.append((f"compact:gcm:obj:{n}@en", "en", eo["title"], eo["summary"], n, False))
    for l, f in langs.items():
        e = f["texts"].get(f"gcm:obj:{n}")
        if e:
            docs.append((f"compact:gcm:obj:{n}@{l}", l, e["title"], e["commitment"], n, False))
    for a in o["actions"]:
        r = f"gcm:obj:{n}:{a['letter']}"
        s = en["summaries"].get(r)
        if s:
            docs.append((f"compact:{r}@en", "en", "", s["summary"], n, True))
        for l, f in langs.items():
            t = f["texts"].get(r)
            if isinstance(t, str):
                docs.append((f"compact:{r}@{l}", l, "", t, n, True))
for p in seeds["practices"]:
    docs.append((f"practice:{p['external_id']}", "en", p["title"], p["summary"], None, False))
for r in seeds["recommendations"]:
    docs.append((f"recommendation:{r['external_id']}", "en", "", r["text"], None, False))

# (query, interface language, objectives, {lang: pattern})
QUERIES = [
    ("remittances", "en", [20], {"en": r"remittanc|money transfer", "nb": r"pengeoverføring|overføringer", "nl": r"overmaking"}),
    ("pengeoverføringer", "nb", [20], {"en": r"remittanc", "nb": r"pengeoverføring|overføringer", "nl": r"overmaking"}),
    ("transferts de fonds", "fr", [20], {"en": r"remittanc", "nb": r"pengeoverføring", "nl": r"overmaking"}),
    ("remesas", "es", [20], {"en": r"remittanc", "nb": r"pengeoverføring", "nl": r"overmaking"}),
    ("overmakingen", "nl", [20], {"en": r"remittanc", "nb": r"pengeoverføring", "nl": r"overmaking"}),
    ("labour migration", "en", [5, 6], {"en": r"labou?r migration|labou?r mobility|migrant workers?", "nb": r"arbeidsmigrasjon|arbeidsinnvandring|migrantarbeider", "nl": r"arbeidsmigratie|arbeidsmigranten"}),
    ("travail décent", "fr", [6], {"en": r"decent work", "nb": r"anstendig arbeid", "nl": r"fatsoenlijk werk|waardig werk"}),
    ("recrutement équitable", "fr", [6], {"en": r"recruit", "nb": r"rekrutter", "nl": r"aanwerving"}),
    ("trata de personas", "es", [10], {"en": r"traffick", "nb": r"menneskehandel", "nl": r"mensenhandel"}),
    ("menneskehandel", "nb", [10], {"en": r"traffick", "nb": r"menneskehandel", "nl": r"mensenhandel"}),
    ("mensenhandel", "nl", [10], {"en": r"traffick", "nb": r"menneskehandel", "nl": r"mensenhandel"}),
    ("human trafficking", "en", [10], {"en": r"traffick", "nb": r"menneskehandel", "nl": r"mensenhandel"}),
    ("return and reintegration", "en", [21], {"en": r"reintegrat|return", "nb": r"reintegrer|retur|tilbakevending", "nl": r"re-integratie|terugkeer"}),
    ("reintegratie", "nl", [21], {"en": r"reintegrat", "nb": r"reintegrer", "nl": r"re-integratie|terugkeer"}),
    ("climate displacement", "en", [2], {"en": r"climate|disaster|environmental degradation", "nb": r"klima|naturkatastrof", "nl": r"klimaat|natuurramp"}),
    ("landbrukspraksiser", "nb", [], {"en": r"agricultur|farm", "nb": r"landbruk|praksis", "nl": r"landbouw"}),
    ("smuggling of migrants", "en", [9], {"en": r"smuggl", "nb": r"menneskesmugl|smugl", "nl": r"smokkel"}),
    ("mensensmokkel", "nl", [9], {"en": r"smuggl", "nb": r"smugl", "nl": r"smokkel"}),
    ("diaspora", "en", [19], {"en": r"diaspora", "nb": r"diaspora", "nl": r"diaspora"}),
    ("skills recognition", "en", [18], {"en": r"skill|qualification", "nb": r"kompetanse|ferdighet|kvalifikasjon", "nl": r"vaardigheden|kwalificatie"}),
    ("protección social", "es", [22], {"en": r"social security|social protection|portab", "nb": r"trygd|sosial", "nl": r"sociale zekerheid|sociale bescherming"}),
    ("consular protection", "en", [14], {"en": r"consul", "nb": r"konsul", "nl": r"consul"}),
    ("alternatives to detention", "en", [13], {"en": r"detention", "nb": r"frihetsberøv|forvaring|internering", "nl": r"detentie|bewaring"}),
    ("grensforvaltning", "nb", [11], {"en": r"border", "nb": r"grense", "nl": r"grens"}),
    ("missing migrants", "en", [8], {"en": r"missing|search and rescue", "nb": r"savnet|redning", "nl": r"vermist|opsporing|redding"}),
    ("données migratoires", "fr", [1], {"en": r"\bdata\b|statistic", "nb": r"data|statistikk", "nl": r"gegevens|statistie"}),
    ("discriminación", "es", [17], {"en": r"discriminat|xenophob|racism", "nb": r"diskriminer|fremmedfrykt|rasisme", "nl": r"discrimin|vreemdelingenhaat|racisme"}),
    ("arbeidsmigrasjon", "nb", [5, 6], {"en": r"labou?r migration|labou?r mobility", "nb": r"arbeidsmigrasjon|arbeidsinnvandring|migrantarbeider", "nl": r"arbeidsmigratie"}),
    ("identity documents", "en", [4], {"en": r"identity|documentation|birth registration", "nb": r"identitet|dokument", "nl": r"identiteit|document"}),
    ("servicios básicos", "es", [15], {"en": r"basic services|health care|access to services", "nb": r"grunnleggende tjenester", "nl": r"basisdiensten|basisvoorzieningen"}),
]

out = []
for q, ui, objectives, pats in QUERIES:
    rel = {}
    for key, lang, title, text, obj, is_action in docs:
        pat = pats.get(lang)
        if obj is not None and obj in objectives and not is_action:
            rel[key] = 2
        elif obj is not None and obj in objectives and pat and re.search(pat, text, re.I):
            rel[key] = 1
        elif obj is None and pat and re.search(pat, title, re.I):
            rel[key] = 2
        elif obj is None and pat and re.search(pat, text, re.I):
            rel[key] = 1
    out.append({"q": q, "lang": ui, "relevant": dict(sorted(rel.items()))})
    print(f"{len(rel):4} {q}")

about = (__doc__.strip().split("\n\n")[1] + " Generated by tools/judge-search.py; do not edit by hand.").replace("\n", " ")
(root / "data/search/judged.json").write_text(json.dumps({"about": about, "queries": out}, ensure_ascii=False, indent=1) + "\n")
