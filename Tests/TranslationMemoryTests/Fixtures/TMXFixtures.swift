import Foundation
import XCTest

/// TMX files as CAT tools write them, written by the tests themselves.
enum TMXFixtures {
    /// A Trados-style export: UTF-16LE with BOM, `x-` props, inline tags with native RTF code,
    /// a note, tuv-level attributes and props.
    static let tradosStyle = """
    <?xml version="1.0" encoding="UTF-16"?>
    <tmx version="1.4">
    <header creationtool="SDL Language Platform" creationtoolversion="8.0" o-tmf="SDL TM8 Format" datatype="xml" segtype="sentence" adminlang="en-US" srclang="id-ID" creationdate="20230206T101500Z" creationid="TRADOS\\budi">
    <prop type="x-Recognizers">RecognizeAll</prop>
    <prop type="x-TMName">Berita ANTARA</prop>
    </header>
    <body>
    <tu creationdate="20230206T101512Z" creationid="TRADOS\\budi" changedate="20230207T080000Z" changeid="TRADOS\\siti" lastusagedate="20230208T090000Z" usagecount="3">
    <prop type="x-Context">1234, 5678</prop>
    <prop type="x-Origin">TM</prop>
    <note>Periksa nama menteri.</note>
    <tuv xml:lang="id-ID"><prop type="x-Style">Body</prop><seg>Menteri <bpt i="1" type="bold">{\\b </bpt>Retno Marsudi<ept i="1">}</ept> tiba di Moskow pada <ph x="2" type="date">&lt;date/&gt;</ph>.</seg></tuv>
    <tuv xml:lang="en-US"><seg>Minister <bpt i="1" type="bold">{\\b </bpt>Retno Marsudi<ept i="1">}</ept> arrived in Moscow on <ph x="2" type="date">&lt;date/&gt;</ph>.</seg></tuv>
    </tu>
    <tu creationdate="20230206T101530Z" creationid="TRADOS\\budi">
    <tuv xml:lang="id-ID"><seg>Harga naik menjadi Rp1.500 per liter &amp; stok aman.</seg></tuv>
    <tuv xml:lang="en-US"><seg>The price rose to Rp1,500 a litre &amp; stocks are safe.</seg></tuv>
    </tu>
    </body>
    </tmx>
    """

    /// OmegaT's TMX 1.1 style: `lang` instead of `xml:lang`, Indonesian as `IN`, a DOCTYPE, `it` and `hi`.
    static let omegatStyle = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE tmx SYSTEM "tmx11.dtd">
    <tmx version="1.1">
      <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_0" segtype="sentence" srclang="IN"/>
      <body>
        <tu>
          <tuv lang="IN">
            <seg>Kerja sama <hi type="emphasis">bilateral</hi> terus <it pos="begin" x="1">&lt;a1&gt;</it>meningkat.</seg>
          </tuv>
          <tuv lang="EN-GB" changeid="editor" changedate="20230210T120000Z" creationid="penerjemah" creationdate="20230210T115900Z">
            <seg>Bilateral <hi type="emphasis">cooperation</hi> keeps <it pos="begin" x="1">&lt;a1&gt;</it>growing.</seg>
          </tuv>
        </tu>
        <tu>
          <tuv lang="in-ID"><seg>  Spasi   dipertahankan  </seg></tuv>
          <tuv lang="en"><seg>  Spaces   are kept  </seg></tuv>
        </tu>
      </body>
    </tmx>
    """

    /// A multilingual memoQ-style file: five languages, memoQ's context props, one unit with only
    /// German and French, one with Indonesian only.
    static let memoQStyle = """
    <?xml version="1.0" encoding="utf-8"?>
    <tmx version="1.4">
      <header creationtool="MemoQ" creationtoolversion="9.12.8" segtype="sentence" o-tmf="MemoQTM" adminlang="en-us" srclang="en-us" datatype="unknown">
        <prop type="defclient">ANTARA</prop>
        <prop type="targetlang">id-id</prop>
      </header>
      <body>
        <tu changedate="20230301T093000Z" creationdate="20230301T093000Z" creationid="memoq-user" changeid="memoq-user">
          <prop type="client">ANTARA</prop>
          <prop type="x-context-pre">Previous sentence.</prop>
          <prop type="x-context-post"></prop>
          <tuv xml:lang="en-us"><seg>The summit opens on Monday.</seg></tuv>
          <tuv xml:lang="id-id"><seg>KTT dibuka pada Senin.</seg></tuv>
          <tuv xml:lang="de-de"><seg>Der Gipfel beginnt am Montag.</seg></tuv>
          <tuv xml:lang="fr-fr"><seg>Le sommet s'ouvre lundi.</seg></tuv>
        </tu>
        <tu creationdate="20230302T093000Z" creationid="memoq-user">
          <tuv xml:lang="de-de"><seg>Guten Tag.</seg></tuv>
          <tuv xml:lang="fr-fr"><seg>Bonjour.</seg></tuv>
        </tu>
        <tu creationdate="20230303T093000Z" creationid="memoq-user">
          <tuv xml:lang="id-id"><seg>Belum diterjemahkan.</seg></tuv>
        </tu>
      </body>
    </tmx>
    """

    static let validHeader = #"<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="id" datatype="plaintext"/>"#

    /// Hostile and broken inputs, each of which must be refused with the memory untouched.
    static let hostile: [(name: String, content: String, expected: String)] = [
        ("external-entity.tmx", """
        <?xml version="1.0"?>
        <!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <tmx version="1.4">\(validHeader)<body><tu><tuv xml:lang="id"><seg>a &secret; b</seg></tuv><tuv xml:lang="en"><seg>c</seg></tuv></tu></body></tmx>
        """, "entit"),
        ("billion-laughs.tmx", billionLaughs, "entit"),
        ("truncated.tmx", """
        <?xml version="1.0"?>
        <tmx version="1.4">\(validHeader)<body><tu><tuv xml:lang="id"><seg>abc</seg></tuv>
        <tuv xml:lang="en"><se
        """, ":"),
        ("not-xml.tmx", "Ini bukan XML sama sekali.\nBaris kedua.\n", ":"),
        ("wrong-root.tmx", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file/></xliff>\n", "not a TMX file"),
        ("empty.tmx", "", "empty"),
    ]

    static var billionLaughs: String {
        var declarations = "<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let inner = level == 1 ? "&lol;" : "&lol\(level - 1);"
            declarations += "<!ENTITY lol\(level) \"\(String(repeating: inner, count: 10))\">\n"
        }
        return """
        <?xml version="1.0"?>
        <!DOCTYPE tmx [
        \(declarations)]>
        <tmx version="1.4">\(validHeader)<body><tu><tuv xml:lang="id"><seg>&lol9;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>
        """
    }

    /// Writes `content` as UTF-16LE with a BOM.
    static func utf16LittleEndian(_ content: String) -> Data {
        var data = Data([0xFF, 0xFE])
        for unit in content.utf16 {
            data.append(UInt8(unit & 0xFF))
            data.append(UInt8(unit >> 8))
        }
        return data
    }

    /// Writes `content` as UTF-16BE with a BOM.
    static func utf16BigEndian(_ content: String) -> Data {
        var data = Data([0xFE, 0xFF])
        for unit in content.utf16 {
            data.append(UInt8(unit >> 8))
            data.append(UInt8(unit & 0xFF))
        }
        return data
    }
}

/// A temporary folder for one test, removed afterwards.
func makeTemporaryFolder(_ testCase: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tm-unit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}
