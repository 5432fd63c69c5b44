import BytekStore

/// Cotizaciones: the quote list, the quote builder and the subscriptions born from accepted quotes.
@MainActor
enum QuotesModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        QuoteListScreen(store: store, context: context)
    }
}
