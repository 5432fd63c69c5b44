/// Why a SUNAT ZIP could not be made or read; `String` cases carry libzip's message.
public enum SunatZipError: Error, Equatable, Sendable, Hashable {
    /// libzip could not build the archive.
    case cannotCreate(String)
    /// The bytes are not a readable ZIP archive (or an entry is corrupt).
    case cannotRead(String)
    /// An entry larger than the reader accepts (a guard against ZIP bombs in answers).
    case entryTooLarge(name: String, size: UInt64)
    /// More entries than a SUNAT package or CDR ever has.
    case tooManyEntries(Int)
    /// The entry name is empty, has a path separator or is not a plain file name.
    case invalidEntryName(String)
}
