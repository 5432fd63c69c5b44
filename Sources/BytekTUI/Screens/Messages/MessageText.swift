import BytekServices
import BytekStore

/// Errors of the message screens in the user's words.
enum MessageText {
    static func describe(_ error: any Error, _ strings: Strings) -> String {
        if let e = error as? ServiceError { return ServiceErrorText.describe(e, strings) }
        if let e = error as? MessageOutboxError { return e.description }
        if let e = error as? MessageServiceError { return e.description }
        return StoreErrorText.describe(error, strings)
    }
}
