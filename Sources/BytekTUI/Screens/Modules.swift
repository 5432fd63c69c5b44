import BytekModel
import BytekServices
import BytekStore

/// The modules of the top bar and how each builds its first screen over the store.
/// Adding a module means adding one entry here (and its screens in their own folder).
@MainActor
enum Modules {
    static func entries(store: Store) -> [ModuleEntry] {
        [
            ModuleEntry(.customers) { ctx in
                CustomerListScreen(services: ctx.services(store), drafts: ctx.services(store).drafts, strings: ctx.strings)
            },
            ModuleEntry(.catalog) { ctx in
                CatalogListScreen(services: ctx.services(store), drafts: ctx.services(store).drafts, strings: ctx.strings)
            },
            ModuleEntry(.sales) { ctx in SalesModule.makeRoot(store: store, context: ctx) },
            ModuleEntry(.quotes) { ctx in QuotesModule.makeRoot(store: store, context: ctx) },
            ModuleEntry(.billing) { ctx in BillingModule.makeRoot(store: store, context: ctx) },
            ModuleEntry(.receivables) { ctx in ReceivablesModule.makeRoot(store: store, context: ctx) },
            ModuleEntry(.audit) { ctx in AuditScreen(audit: ctx.services(store).audit, strings: ctx.strings) },
            ModuleEntry(.users) { ctx in
                UsersScreen(services: ctx.services(store), drafts: ctx.services(store).drafts, strings: ctx.strings)
            },
            ModuleEntry(.exchangeRates) { ctx in ExchangeRateScreen(services: ctx.services(store), strings: ctx.strings) },
            ModuleEntry(.salesRegister) { ctx in SalesRegisterScreen(services: ctx.services(store), strings: ctx.strings) },
            ModuleEntry(.recurring) { ctx in RecurringScreen(services: ctx.services(store), strings: ctx.strings) },
            ModuleEntry(.projects) { ctx in ProjectsModule.makeRoot(store: store, context: ctx) },
            ModuleEntry(.timesheets) { ctx in TimesheetsModule.makeRoot(store: store, context: ctx) },
            ModuleEntry(.jobs) { ctx in JobsScreen(jobs: ctx.services(store).jobs, strings: ctx.strings) },
        ]
    }

    /// Records for the command palette: customers and catalog items whose text matches the query
    /// ("cliente acme", "nas"), each opening its form; read through the services as the session's user.
    static func paletteRecords(store: Store, context: AppContext) -> (String) -> [PaletteAction] {
        let services = context.services(store)
        return { query in
            let words = query.split(separator: " ").map(String.init)
            let rest = words.filter { !["cliente", "clientes", "item", "ítem", "producto", "servicio"].contains(TextFold.fold($0)) }
                .joined(separator: " ")
            guard rest.count >= 2 else { return [] }
            var actions: [PaletteAction] = []
            if PeriodCloseScreen.paletteMatches(query), context.can(.read, .salesRegister) {
                actions.append(PeriodCloseScreen.paletteAction(store: store, strings: context.strings))
            }
            if ProjectAlarmsScreen.paletteMatches(query), context.can(.read, .projects) {
                actions.append(ProjectAlarmsScreen.paletteAction(store: store, strings: context.strings))
            }
            if BankReconcileScreen.paletteMatches(query), context.can(.read, .receivables) {
                actions.append(BankReconcileScreen.paletteAction(store: store, strings: context.strings))
            }
            if ProfitabilityListScreen.paletteMatches(query), ([.admin, .finanzas, .operaciones] as [Role]).contains(context.session.role) {
                actions.append(ProfitabilityListScreen.paletteAction(store: store, strings: context.strings))
            }
            for p in (try? services.customers.pager(CustomerQuery(search: rest)).first(8)) ?? [] {
                let c = p.item
                actions.append(PaletteAction(title: "Cliente: " + c.legalName, detail: c.docType.shortName + " " + c.docNumber) { ctx in
                    ctx.openRecord(.customers, c.id)
                })
            }
            for p in (try? services.catalog.pager(CatalogQuery(search: rest)).first(8)) ?? [] {
                let i = p.item
                actions.append(PaletteAction(title: "Ítem: " + i.name, detail: i.sku) { ctx in
                    ctx.openRecord(.catalog, i.id)
                })
            }
            return actions
        }
    }
}
