import BytekModel
import BytekServices
import BytekStore

/// Finanzas › Cobranzas: open receivables, payments, detracción deposits, retention receipts and the
/// estado de cuenta, over `services.receivables`.
@MainActor
enum ReceivablesModule {
    static func makeRoot(store: Store, context: AppContext) -> any Screen {
        let services = context.services(store)
        let screen = ReceivablesScreen(desk: ServicesCobranzasDesk(services: services, strings: context.strings),
                                       drafts: services.drafts, strings: context.strings, canWrite: context.can(.write, .receivables))
        let environment = context.environment
        screen.openDocument = { id, ctx in
            let actions = BillingActions(store: store, context: ctx, environment: { environment })
            ctx.push(BillingDetailScreen(id: id, actions: actions, strings: ctx.strings))
        }
        let canWrite = context.can(.write, .receivables)
        screen.openCards = { [weak screen] id, name, ctx in
            let cards = CardsScreen(cards: services.cards, customerId: id, customerName: name, strings: ctx.strings, canWrite: canWrite)
            cards.onChange = { screen?.reload(context: ctx) }
            ctx.push(cards)
        }
        screen.openReminders = { id, name, customer, ctx in
            let desk = ServicesReminderDesk(services: services, strings: ctx.strings)
            if customer, let id { ctx.push(ReminderCustomerScreen(desk: desk, customerId: id, customerName: name, strings: ctx.strings)) }
            else { ctx.push(ReminderPolicyScreen(desk: desk, customerId: id, customerName: name, strings: ctx.strings, drafts: services.drafts)) }
        }
        return screen
    }
}
