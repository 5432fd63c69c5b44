import BytekStore

/// Ventas: the deal boards of the three units, the list view, activities and the forecast.
@MainActor
enum SalesModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        PlaceholderScreen(title: context.strings["module.sales"], message: context.strings["app.comingSoon"])
    }
}
