import CLibXML2

/// libxml2's process-wide set-up, done once before the first reader or writer opens.
///
/// `xmlInitParser()` must run once before libxml2 is used from several threads (the aligner, the
/// index builder and the server read files concurrently). libxml2 2.9 keeps its error callbacks
/// per thread: the defaults for threads still to come (`xmlThrDef…`) and the calling thread's own
/// are set here to a silent printer, so no libxml2 wording ever reaches stderr. Readers collect
/// their own errors through a handler set on each reader, and writers report through their
/// output callbacks and status codes; neither touches global state after this.
enum XMLLibrary {
    private static let initialised: Void = {
        xmlInitParser()
        tm_silenceGenericErrorsByDefault()
    }()

    /// Runs the set-up on first use; later calls cost a load.
    static func initialise() {
        _ = initialised
    }
}
