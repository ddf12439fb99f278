#!/usr/bin/env python3
"""Writes the fuzzing seed corpus into seeds/: small TMX files of the project's own, each showing
one thing real CAT tools put in a TMX (or one thing the reader must refuse). The files are
committed; rerun this after changing it. Texts are the project's own short sentences."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "seeds")

DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
HEADER = ('<header creationtool="seed" creationtoolversion="1" segtype="sentence" o-tmf="seed" '
          'adminlang="en-US" srclang="id-ID" datatype="plaintext"/>')


def tmx(body, header=HEADER, version="1.4", prologue=DECL + DOCTYPE):
    return f'{prologue}<tmx version="{version}">\n  {header}\n  <body>\n{body}\n  </body>\n</tmx>\n'


def tu(id_text, en_text, attrs='', lang_attr="xml:lang"):
    return (f'    <tu{attrs}>\n      <tuv {lang_attr}="id-ID"><seg>{id_text}</seg></tuv>\n'
            f'      <tuv {lang_attr}="en-US"><seg>{en_text}</seg></tuv>\n    </tu>')


SEEDS = {}

SEEDS["tmx14-xml-lang.tmx"] = tmx(
    tu("Harga beras naik lagi.", "Rice prices rose again.", ' tuid="1" creationdate="20240105T101500Z" creationid="ana"') + "\n" +
    tu("Hujan turun di Bogor.", "Rain fell in Bogor.", ' tuid="2" changedate="20240106T000000Z" changeid="budi" usagecount="3"'))

SEEDS["tmx11-lang.tmx"] = tmx(
    tu("Sekolah dibuka pukul tujuh.", "School opens at seven.", lang_attr="lang"),
    header='<header creationtool="seed" creationtoolversion="1" segtype="sentence" o-tmf="seed" adminlang="EN-US" srclang="ID-ID" datatype="plaintext"/>',
    version="1.1", prologue=DECL + '<!DOCTYPE tmx SYSTEM "tmx11.dtd">\n')

SEEDS["no-declaration-no-doctype.tmx"] = tmx(tu("Pasar ramai.", "The market is busy."), prologue="")

SEEDS["inline-codes.tmx"] = tmx(
    tu('Klik <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Simpan<ept i="1">&lt;/b&gt;</ept> sekarang.',
       'Click <bpt i="1" x="1" type="bold">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept> now.') + "\n" +
    tu('Lihat <ph x="2" type="image" assoc="p">&lt;img alt="<sub type="alt" datatype="html">peta kota</sub>"/&gt;</ph> di bawah.',
       'See <ph x="2" type="image" assoc="p">&lt;img alt="<sub type="alt" datatype="html">city map</sub>"/&gt;</ph> below.') + "\n" +
    tu('Awal <it pos="begin" x="3">&lt;i&gt;</it>miring', 'Start <it pos="begin" x="3">&lt;i&gt;</it>italic') + "\n" +
    tu('Kata <hi type="emphasis" x="4">penting</hi> di sini <ut x="5">{\\b}</ut>.',
       'An <hi type="emphasis" x="4">important</hi> word here <ut x="5">{\\b}</ut>.') + "\n" +
    tu('<bpt i="7">&lt;a&gt;</bpt><bpt i="8">&lt;b&gt;</bpt>bertingkat<ept i="8">&lt;/b&gt;</ept><ept i="7">&lt;/a&gt;</ept>',
       '<bpt i="7">&lt;a&gt;</bpt><bpt i="8">&lt;b&gt;</bpt>nested<ept i="8">&lt;/b&gt;</ept><ept i="7">&lt;/a&gt;</ept>'))

SEEDS["foreign-inline-markup.tmx"] = tmx(
    tu('Teks <g id="1">tebal</g> dan <x id="2"/> serta <b>html</b> <sub>lepas</sub>.',
       'Text <g id="1">bold</g> and <x id="2"/> and <b>html</b> <sub>loose</sub>.'))

SEEDS["header-full.tmx"] = tmx(
    tu("Rapat ditunda.", "The meeting was postponed."),
    header='''<header creationtool="Seed Tool" creationtoolversion="8.1" segtype="sentence" o-tmf="SeedTM"
          adminlang="en-US" srclang="id-ID" datatype="rtf" o-encoding="windows-1252"
          creationdate="20230301T080000Z" creationid="ana" changedate="20230302T080000Z" changeid="budi">
    <note>Header note one.</note>
    <note xml:lang="id">Catatan kepala.</note>
    <prop type="x-Domain">Berita</prop>
    <prop type="RTFFontTable" o-encoding="windows-1252">{\\fonttbl{\\f1 Arial;}}</prop>
    <prop type="x-Empty"></prop>
    <ude name="MacRoman" base="Macintosh">
      <map unicode="#xF8FF" code="#xF0" ent="Apple_logo" subst="[Apple]"/>
      <map unicode="#x00E9" code="#x8E"/>
    </ude>
  </header>''')

SEEDS["unit-props-notes.tmx"] = tmx(
    '''    <tu tuid="p1" srclang="id-ID" datatype="plaintext" segtype="sentence" o-tmf="x" creationtool="x" creationtoolversion="2" lastusagedate="20240101T000000Z">
      <note>Unit note.</note>
      <prop type="x-Client">Redaksi</prop>
      <prop type="x-tm-attribute:foo">carried</prop>
      <prop type="x-Context" xml:lang="en">context</prop>
      <tuv xml:lang="id-ID" creationid="ana" o-encoding="utf-8">
        <note>Variant note.</note>
        <prop type="x-Origin">mesin</prop>
        <seg>Gempa terjadi pagi tadi.</seg>
      </tuv>
      <tuv xml:lang="en-US" changedate="20240102T000000Z"><prop type="x-tm-attribute:bar">b</prop><seg>An earthquake struck this morning.</seg></tuv>
    </tu>''')

SEEDS["comments-cdata-pi.tmx"] = tmx(
    '''    <!-- a comment before a unit, with <tu> inside -->
    <?tm-note a processing instruction?>
    <tu tuid="c1"><!-- inside tu -->
      <tuv xml:lang="id-ID"><seg><![CDATA[Harga <naik> & turun]]> lagi<!-- inside seg --></seg></tuv>
      <tuv xml:lang="en-US"><seg>Prices <![CDATA[<rise> & fall]]> again</seg></tuv>
    </tu>''', prologue=DECL + "<!-- comment before the root -->\n" + DOCTYPE)

SEEDS["doctype-internal-subset.tmx"] = tmx(
    tu("Kota lama.", "The old town."),
    prologue=DECL + '<!DOCTYPE tmx SYSTEM "tmx14.dtd" [\n  <!ATTLIST tu x-extra CDATA #IMPLIED>\n  <!-- in the subset -->\n]>\n')

SEEDS["entity-declaration.tmx"] = tmx(
    tu("Teks &x; di sini.", "Text &x; here.", ' tuid="&x;"'),
    prologue=DECL + '<!DOCTYPE tmx [\n  <!ENTITY x "XYX">\n]>\n')

SEEDS["entity-external.tmx"] = tmx(
    tu("Teks &ext; di sini.", "Text here."),
    prologue=DECL + '<!DOCTYPE tmx [\n  <!ENTITY ext SYSTEM "file:///etc/hostname">\n  <!ENTITY % pe "x">\n]>\n')

SEEDS["entity-undeclared-reference.tmx"] = tmx(tu("Hak &copy; cipta.", "Copyright &nbsp; here."))

SEEDS["character-references.tmx"] = tmx(
    tu("A&#x41;&#66;&lt;&gt;&amp;&quot;&apos; &#x1F600; &#xE9;", "caf&#233; &#x2014; &#160;", ' tuid="&lt;&#x41;&amp;"'))

SEEDS["many-attributes.tmx"] = tmx(
    tu("Banyak atribut.", "Many attributes.", "".join(f' x-a{i}="v{i}"' for i in range(60))))

SEEDS["attributes-over-limit.tmx"] = tmx(
    tu("Terlalu banyak.", "Too many.", "".join(f' a{i}=""' for i in range(1001))))

SEEDS["duplicate-attribute.tmx"] = tmx(tu("Ganda.", "Twice.", ' tuid="1" tuid="2"'))

SEEDS["empty-body.tmx"] = tmx("", ).replace("<body>\n\n  </body>", "<body/>")

SEEDS["no-body.tmx"] = DECL + '<tmx version="1.4">\n  ' + HEADER + '\n</tmx>\n'

SEEDS["empty-tmx.tmx"] = DECL + '<tmx version="1.4"/>\n'

SEEDS["wrong-root.tmx"] = DECL + '<xliff version="1.2"><file><body/></file></xliff>\n'

SEEDS["multiple-languages.tmx"] = tmx(
    '''    <tu tuid="m1">
      <tuv xml:lang="id-ID"><seg>Selamat pagi.</seg></tuv>
      <tuv xml:lang="en-US"><seg>Good morning.</seg></tuv>
      <tuv xml:lang="en-GB"><seg>Good morning!</seg></tuv>
      <tuv xml:lang="fr-FR"><seg>Bonjour.</seg></tuv>
      <tuv xml:lang="de"><seg>Guten Morgen.</seg></tuv>
      <tuv xml:lang="ja-JP"><seg>おはようございます。</seg></tuv>
      <tuv xml:lang="zh-Hant-TW"><seg>早安。</seg></tuv>
    </tu>
    <tu tuid="m2">
      <tuv xml:lang="ms"><seg>Selamat petang.</seg></tuv>
      <tuv xml:lang="in"><seg>Selamat sore.</seg></tuv>
      <tuv xml:lang="EN"><seg>Good afternoon.</seg></tuv>
      <tuv xml:lang="en_us"><seg>Good afternoon.</seg></tuv>
      <tuv xml:lang="x-klingon"><seg>?</seg></tuv>
    </tu>''')

SEEDS["units-to-skip.tmx"] = tmx(
    '''    <tu tuid="s1"><tuv><seg>Tanpa bahasa.</seg></tuv><tuv xml:lang="en"><seg>No language.</seg></tuv></tu>
    <tu tuid="s2"/>
    <tu tuid="s3"></tu>
    <tu tuid="s4"><tuv xml:lang="id"><seg>Satu.</seg><seg>Dua.</seg></tuv></tu>
    <tu tuid="s5"><tuv xml:lang="id"><seg>Luar.</seg></tuv><tu><tuv xml:lang="en"><seg>Inner.</seg></tuv></tu></tu>
    <tu tuid="s6"><tuv xml:lang="id"/><tuv xml:lang="en"><seg/></tuv></tu>
    <tu tuid="s7"><tuv xml:lang=""><seg>Kosong.</seg></tuv></tu>
    <unknown><tu><tuv xml:lang="id"><seg>Di dalam elemen asing.</seg></tuv></tu></unknown>
    <tu tuid="s8"><tuv xml:lang="id"><seg>Baik.</seg></tuv><tuv xml:lang="en"><seg>Fine.</seg></tuv></tu>''')

SEEDS["dates.tmx"] = tmx(
    tu("Tanggal.", "Dates.", ' creationdate="20240229T235959Z" changedate="2024-02-29T23:59:59Z"') + "\n" +
    tu("Salah.", "Wrong.", ' creationdate="20241399T256199Z" changedate="x"') + "\n" +
    tu("Pendek.", "Short.", ' creationdate="2024" lastusagedate="99999999T999999Z"'))

SEEDS["namespaces.tmx"] = tmx(
    tu("Ruang nama.", "Namespaces.", ' xmlns:x="urn:seed" x:tag="1"') + "\n" +
    '    <tu><tuv xml:lang="id" xmlns="urn:default"><seg>Bawaan.</seg></tuv><tuv xml:lang="en"><seg>Default.</seg></tuv></tu>\n' +
    '    <x:extra xmlns:x="urn:seed"><x:tu/></x:extra>')

SEEDS["whitespace.tmx"] = tmx(
    tu("  spasi\tdi\n tepi  ", "\n\tedges  \r\n", ' xml:space="preserve"') + "\n" +
    tu("", " "))

SEEDS["latin1-declared.tmx"] = tmx(tu("Caf\u00e9 \u00e0 la carte.", "Caf\u00e9."),
                                   prologue='<?xml version="1.0" encoding="ISO-8859-1"?>\n')

SEEDS["truncated.tmx"] = tmx(tu("Terpotong di tengah.", "Cut in the middle."))[:-60]

SEEDS["mismatched-tags.tmx"] = tmx(tu("Salah <hi>tutup</seg></hi>.", "Wrong."))

SEEDS["deep-nesting.tmx"] = tmx(tu("<hi>" * 40 + "dalam" + "</hi>" * 40, "deep"))

# Fuzzing finding (round trip, units lost): a code with an empty primary subtag normalises to ""
# on import, and the memory's file then holds a <tuv xml:lang=""> that every later read skips.
SEEDS["finding-language-leading-hyphen.tmx"] = tmx(
    '    <tu><tuv xml:lang="id-ID"><seg>Salah.</seg></tuv><tuv xml:lang="-UnSe"><seg>Wrong.</seg></tuv></tu>')

SEEDS["nul-byte.tmx"] = tmx(tu("Nol\x00byte.", "NUL."))


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    for name, text in SEEDS.items():
        encoding = "latin-1" if name.startswith("latin1") else "utf-8"
        write(name, text.encode(encoding))
    # UTF-16 with a BOM, as Trados and memoQ write; the declaration names the encoding.
    utf16 = tmx(tu("Dua byte per huruf: é, ü, 日本.", "Two bytes a letter: é, ü, 日本."),
                prologue='<?xml version="1.0" encoding="UTF-16"?>\n' + DOCTYPE)
    write("utf16le-bom.tmx", b"\xff\xfe" + utf16.encode("utf-16-le"))
    write("utf16be-bom.tmx", b"\xfe\xff" + utf16.encode("utf-16-be"))
    write("utf16le-no-bom.tmx", utf16.encode("utf-16-le"))
    write("utf8-bom.tmx", b"\xef\xbb\xbf" + tmx(tu("Dengan BOM.", "With a BOM.")).encode())
    print(f"{len(os.listdir(OUT))} seeds in {OUT}")


if __name__ == "__main__":
    main()
