#!/usr/bin/env python3
"""Writes a synthetic Indonesian/English TMX 1.4b memory of N units for the TMX benchmarks.

The sentences are news-length (20-35 words) ANTARA-style lines built from this file's own
templates and word lists (no corpus text is copied). Every unit is unique (a number derived from
its index sits in each sentence, so `tm import` and `tm export` keep all of them), and carries what
CAT-tool memories carry: tuid, creation/change dates and ids, two props, a note on 1 unit in 20,
and inline markup (bpt/ept bold pairs on 1 in 8, a ph on 1 in 16).

usage: gentmx.py UNITS OUT.tmx [--seed N]
"""
import random
import sys

PEOPLE = [
    ("Menteri Keuangan Sri Wulandari", "Finance Minister Sri Wulandari"),
    ("Gubernur Jawa Timur Andi Prasetyo", "East Java Governor Andi Prasetyo"),
    ("Kepala Badan Meteorologi Rina Kusuma", "Meteorology Agency head Rina Kusuma"),
    ("Menteri Perdagangan Hendra Saputra", "Trade Minister Hendra Saputra"),
    ("Juru bicara Kementerian Luar Negeri Dewi Lestari", "Foreign Ministry spokesperson Dewi Lestari"),
    ("Wali Kota Makassar Budi Hartono", "Makassar Mayor Budi Hartono"),
    ("Direktur Utama PT Kereta Nusantara Agus Salim", "PT Kereta Nusantara President Director Agus Salim"),
    ("Menteri Kesehatan Yuni Rahmawati", "Health Minister Yuni Rahmawati"),
]
REGIONS = [
    ("Kabupaten Bandung", "Bandung District"), ("Provinsi Riau", "Riau Province"),
    ("Kota Surabaya", "Surabaya City"), ("Nusa Tenggara Timur", "East Nusa Tenggara"),
    ("Kalimantan Selatan", "South Kalimantan"), ("Sulawesi Tengah", "Central Sulawesi"),
    ("Kepulauan Bangka Belitung", "the Bangka Belitung Islands"), ("Papua Barat", "West Papua"),
]
CITIES = [("Jakarta", "Jakarta"), ("Medan", "Medan"), ("Denpasar", "Denpasar"), ("Semarang", "Semarang"),
          ("Shanghai", "Shanghai"), ("Kuala Lumpur", "Kuala Lumpur"), ("Jenewa", "Geneva"), ("Tokyo", "Tokyo")]
DAYS = [("Senin", "Monday"), ("Selasa", "Tuesday"), ("Rabu", "Wednesday"), ("Kamis", "Thursday"),
        ("Jumat", "Friday"), ("Sabtu", "Saturday"), ("Minggu", "Sunday")]
MONTHS = [("Januari", "January"), ("Februari", "February"), ("Maret", "March"), ("April", "April"),
          ("Mei", "May"), ("Juni", "June"), ("Juli", "July"), ("Agustus", "August"),
          ("September", "September"), ("Oktober", "October"), ("November", "November"), ("Desember", "December")]
TOPICS = [
    ("harga beras", "rice prices"), ("ekspor batu bara", "coal exports"),
    ("produksi minyak sawit", "palm oil production"), ("jumlah wisatawan mancanegara", "the number of foreign tourists"),
    ("penyaluran kredit usaha rakyat", "the disbursement of people's business loans"),
    ("pembangunan jalan tol", "toll road construction"), ("vaksinasi anak", "child vaccination"),
    ("investasi asing langsung", "foreign direct investment"),
]
FACILITIES = [
    ("pelabuhan baru", "the new port"), ("rumah sakit daerah", "the regional hospital"),
    ("bendungan irigasi", "the irrigation dam"), ("pasar tradisional", "the traditional market"),
    ("stasiun kereta cepat", "the high-speed rail station"), ("gudang Bulog", "the Bulog warehouse"),
]
EDITORS = ["Rahmad Nasution", "Aditya Eko Sigit", "Fitri Supratiwi", "Yoga Pratama", "Putu Indah Savitri"]
DOMAINS = ["ekonomi", "politik", "kesehatan", "bencana", "internasional", "olahraga"]

# (Indonesian, English) templates; {n} is unique per unit, {b0}{b1} mark an optional bold span.
TEMPLATES = [
    ("{city_id} (ANTARA) - {person_id} mengatakan pada {day_id} bahwa pemerintah akan mengalokasikan dana sebesar "
     "Rp{n_id} miliar untuk {b0}{topic_id}{b1} di {region_id} hingga akhir tahun.",
     "{city_en} (ANTARA) - {person_en} said on {day_en} that the government will allocate Rp{n_en} billion for "
     "{b0}{topic_en}{b1} in {region_en} until the end of the year."),
    ("Menurut data Badan Pusat Statistik, {b0}{topic_id}{b1} naik {p_id} persen pada {month_id} dibandingkan periode "
     "yang sama tahun lalu, dengan nilai mencapai {n_id} unit di seluruh wilayah.",
     "According to Statistics Indonesia data, {b0}{topic_en}{b1} rose {p_en} percent in {month_en} compared with the "
     "same period last year, reaching {n_en} units across the country."),
    ("{person_id} menyampaikan hal itu saat meninjau {facility_id} di {region_id} bersama sejumlah pejabat daerah "
     "pada {day_id} pagi, sehari setelah {n_id} pekerja menyelesaikan tahap pertama proyek tersebut.",
     "{person_en} made the remark while inspecting {facility_en} in {region_en} with several regional officials on "
     "{day_en} morning, a day after {n_en} workers completed the first phase of the project."),
    ("Sebanyak {n_id} warga yang terdampak banjir di {region_id} telah menerima bantuan logistik dari pemerintah "
     "daerah sejak {day_id}, kata seorang pejabat kepada {b0}ANTARA{b1}.",
     "A total of {n_en} residents affected by flooding in {region_en} have received logistical aid from the local "
     "government since {day_en}, an official told {b0}ANTARA{b1}."),
    ("\"Kami berharap kerja sama ini dapat memperkuat {topic_id} serta membuka {n_id} lapangan kerja baru bagi "
     "masyarakat setempat,\" ujar {person_id} di {city_id}.",
     "\"We hope this cooperation can strengthen {topic_en} and create {n_en} new jobs for local communities,\" "
     "{person_en} said in {city_en}."),
    ("Bank Indonesia mempertahankan suku bunga acuan di level {p_id} persen dalam rapat ke-{n_id} untuk menjaga "
     "stabilitas nilai tukar rupiah di tengah ketidakpastian global & melemahnya {topic_id}.",
     "Bank Indonesia kept its benchmark interest rate at {p_en} percent at its {n_en}th meeting to maintain the "
     "stability of the rupiah exchange rate amid global uncertainty & weakening {topic_en}."),
    ("Pertemuan tingkat menteri ASEAN ke-{n_id} di {city_id} pada {day_id} membahas {b0}{topic_id}{b1}, keamanan "
     "pangan, dan transisi energi di kawasan <Asia Tenggara>.",
     "The {n_en}th ASEAN ministerial meeting in {city_en} on {day_en} discussed {b0}{topic_en}{b1}, food security "
     "and the energy transition in the <Southeast Asian> region."),
]


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def number_id(n):
    return f"{n:,}".replace(",", ".")


def number_en(n):
    return f"{n:,}"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    units = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 2023
    rng = random.Random(seed)
    bold = ('<bpt i="1" x="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>')
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
                '  <header creationtool="gentmx" creationtoolversion="1" segtype="sentence" o-tmf="gentmx" '
                'adminlang="en-US" srclang="id-ID" datatype="plaintext" creationdate="20230101T000000Z">\n'
                '    <prop type="x-benchmark">synthetic</prop>\n  </header>\n  <body>\n')
        chunk = []
        for i in range(units):
            tid, ten = TEMPLATES[i % len(TEMPLATES)]
            person = rng.choice(PEOPLE)
            region = rng.choice(REGIONS)
            city = rng.choice(CITIES)
            day = rng.choice(DAYS)
            month = rng.choice(MONTHS)
            topic = rng.choice(TOPICS)
            facility = rng.choice(FACILITIES)
            n = 1000 + i
            p = rng.randint(1, 99) / 10
            slots_id = dict(city_id=city[0], person_id=person[0], day_id=day[0], region_id=region[0],
                            month_id=month[0], topic_id=topic[0], facility_id=facility[0],
                            n_id=number_id(n), p_id=f"{p:.1f}".replace(".", ","))
            slots_en = dict(city_en=city[1], person_en=person[1], day_en=day[1], region_en=region[1],
                            month_en=month[1], topic_en=topic[1], facility_en=facility[1],
                            n_en=number_en(n), p_en=f"{p:.1f}")
            # Escape the text first, then put the markup in (bold pair on 1 in 8 units).
            marker = ("\x01", "\x02") if i % 8 == 3 else ("", "")
            seg_id = esc(tid.format(b0=marker[0], b1=marker[1], **slots_id))
            seg_en = esc(ten.format(b0=marker[0], b1=marker[1], **slots_en))
            seg_id = seg_id.replace("\x01", bold[0]).replace("\x02", bold[1])
            seg_en = seg_en.replace("\x01", bold[0]).replace("\x02", bold[1])
            if i % 16 == 5:
                seg_id += '<ph x="2">&lt;br/&gt;</ph>'
                seg_en += '<ph x="2">&lt;br/&gt;</ph>'
            day_of_year = i % 365
            stamp = f"2023{1 + day_of_year // 31 % 12:02d}{1 + day_of_year % 28:02d}T{i % 24:02d}{i % 60:02d}{(i * 7) % 60:02d}Z"
            editor = EDITORS[i % len(EDITORS)]
            note = f"\n      <note>Checked against ANTARA house style ({editor}).</note>" if i % 20 == 7 else ""
            chunk.append(
                f'    <tu tuid="{i + 1}" srclang="id-ID" creationdate="{stamp}" creationid="{editor}" '
                f'changedate="{stamp}" changeid="{editor}">{note}\n'
                f'      <prop type="x-document">antara-{i // 25:07d}.txt</prop>\n'
                f'      <prop type="x-domain">{DOMAINS[(i // 25) % len(DOMAINS)]}</prop>\n'
                f'      <tuv xml:lang="id-ID">\n        <seg>{seg_id}</seg>\n      </tuv>\n'
                f'      <tuv xml:lang="en-US">\n        <seg>{seg_en}</seg>\n      </tuv>\n    </tu>\n')
            if len(chunk) >= 5000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
        f.write("  </body>\n</tmx>\n")


if __name__ == "__main__":
    main()
