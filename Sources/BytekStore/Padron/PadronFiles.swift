import Foundation

/// Where the padrón lives: `padron.sqlite` beside the business database; an import writes
/// `padron.sqlite.tmp` first and renames it into place.
public enum PadronFiles {
    public static let fileName = "padron.sqlite"
    public static let temporarySuffix = ".tmp"

    /// `padron.sqlite` in the folder of the database at `databasePath`.
    public static func path(besideDatabase databasePath: String) -> String {
        URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent(fileName).path
    }
}
