import BytekStore

/// Ventas: the deal boards of the three units, the list view, activities and the forecast.
@MainActor
enum SalesModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        DealBoardScreen(services: SalesServices(store: store, context: context))
    }
}
