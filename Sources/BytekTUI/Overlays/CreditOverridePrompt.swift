import BytekModel
import BytekServices

/// Beyond a customer's credit limit: ventas sees the sentence with the figures; finanzas and admin are asked
/// for the override's reason and the action runs again with it (recorded with the document or quote).
@MainActor
enum CreditOverridePrompt {
    /// Handles `error` when it is the credit limit's: true when it showed the warning or asked for a reason.
    static func offer(_ error: any Error, _ context: AppContext, _ strings: Strings,
                      retry: @escaping @MainActor (String) -> Void) -> Bool {
        guard case CreditLimitError.exceeded(let exposure, let what)? = error as? CreditLimitError else { return false }
        let sentence = exposure.sentence(what: what) + "."
        guard context.session.role == .finanzas || context.session.role == .admin else {
            context.error(strings["credit.askFinanzas"])
            context.present(MessageDialog(message: sentence + " " + strings["credit.askFinanzas"], title: strings["credit.title"],
                                          isError: true))
            return true
        }
        // The figures first (wrapped in a box), then the reason.
        context.present(MessageDialog(message: sentence, title: strings["credit.title"]) {
            let texts = ReasonDialog.Texts(title: strings["credit.title"], prompt: strings["credit.prompt"],
                                           hint: strings["credit.hint"], confirm: strings["credit.confirm"], empty: strings["credit.empty"])
            context.present(ReasonDialog(texts, maxLength: 500, strings: strings) { reason in
                guard let reason else { context.info(strings["credit.cancelled"]); return }
                retry(reason)
            })
        })
        return true
    }
}
