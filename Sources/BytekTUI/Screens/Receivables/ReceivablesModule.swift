import BytekServices
import BytekStore

/// Finanzas › Cobranzas: open receivables, payments, detracción deposits, retention receipts and the
/// estado de cuenta, over `services.receivables`.
@MainActor
enum ReceivablesModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        PlaceholderScreen(title: context.strings["module.receivables"], message: "Cobranzas")
    }
}
