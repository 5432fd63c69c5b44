import BytekModel
import BytekServices

/// What the money-in screens (Cierre de períodos, Conciliación bancaria) say after calling a service:
/// the refusal in the TUI's words, or the Spanish sentence of the error, capitalized.
@MainActor
enum ServiceOutcome {
    /// The error as the status line shows it.
    static func text(_ error: any Error, _ strings: Strings) -> String {
        let text: String
        switch error {
        case let e as ServiceError: return ErrorText(strings).service(e)
        case let e as PeriodError: text = e.message
        case let e as BankStatementError: text = e.message
        case let e as CreditLimitError: text = e.message
        default: return ErrorText(strings).describe(error)
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Runs `body` (which returns the message of success), then `reload`, and shows the outcome.
    static func run(_ context: AppContext, _ strings: Strings, reload: () -> Void, _ body: () throws -> String) {
        do {
            let message = try body()
            reload()
            context.ok(message)
        } catch {
            context.error(text(error, strings))
        }
    }
}
