/// What `pdfinfo` shows about a document.
public struct PDFMetadata: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var creator: String

    public init(title: String, author: String, subject: String = "", creator: String = "BYTEK Core") {
        self.title = title
        self.author = author
        self.subject = subject
        self.creator = creator
    }
}

/// The two pieces of text printed at the bottom of a page, under a hairline.
public struct PDFFooter: Sendable, Hashable {
    public var left: String
    public var right: String

    public init(left: String, right: String) {
        self.left = left
        self.right = right
    }

    /// "Página 3 de 7".
    public static func pageLabel(_ page: Int, of total: Int) -> String { "Página \(page) de \(total)" }
}
