import BytekStore
import Foundation

/// Facturación: electronic documents with their SUNAT status, issuing, notes, voids and printing.
@MainActor
enum BillingModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        // The command line's environment: it says where the SUNAT credentials are (beside the database by default).
        let environment = context.environment
        return BillingListScreen(store: store, context: context, environment: { environment })
    }
}
