import CPangoCairo
import Foundation

/// Registers the Liberation Sans faces with fontconfig so pango finds them by family name and cairo
/// embeds them (as subsets) in every PDF, whatever fonts the machine has. Every face the documents
/// use (regular, bold, italic, bold italic) is registered: a missing one would make fontconfig fall
/// back silently to some other system font.
public enum PDFFonts {
    /// The family every document uses.
    public static let sans = "Liberation Sans"

    /// Where Debian's fonts-liberation2 installs the faces.
    public static let directory = "/usr/share/fonts/truetype/liberation2"

    static let faceFiles = [
        "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf",
    ]

    /// Registers the faces once per process (a `static let` runs its initialiser exactly once,
    /// thread-safely); later calls return the first outcome.
    public static func ensureRegistered() throws(PDFError) {
        if let missing = registration { throw .fontMissing(path: missing) }
    }

    /// nil when every face was registered, else the path that was missing.
    private static let registration: String? = {
        for file in faceFiles {
            let path = directory + "/" + file
            guard FileManager.default.fileExists(atPath: path), cp_add_app_font(path) == 1 else { return path }
        }
        return nil
    }()
}
