import BytekModel
import BytekStore
import Foundation

/// The sales part of the demo: the company profile, leads, deals in every stage of the three
/// pipelines (some stale), activities for the ventas user (due today, overdue, later, done) and
/// quotes in every state (borrador, enviada, aceptada with its deal won, milestones and
/// subscriptions, rechazada, vencida, a v1 sent / v2 accepted pair, a USD one with exchange rate
/// and a ~60-line one). Everything goes through the repositories, so the audit log tells the story.
public enum DemoSales {
    public struct Summary: Sendable, Equatable {
        public var leads: Int
        public var deals: Int
        public var activities: Int
        public var quotes: Int
    }

    /// The company the demo prints on its documents.
    public static let company = CompanyProfile(
        ruc: RUC.complete("2060123456") ?? "20601234560", legalName: "BYTEK SOLUCIONES TECNOLÓGICAS S.A.C.",
        tradeName: "BYTEK", address: "Av. José Larco 1232, Of. 504, Miraflores, Lima", ubigeo: "150122",
        district: "Miraflores", province: "Lima", department: "Lima", phone: "(01) 445-7788", email: "ventas@bytek.pe",
        website: "www.bytek.pe", logoPath: "logo.png", representative: "Martín Ñahui Cárdenas",
        representativeDocument: "DNI 41234567")

    static let lima = TimeZone(identifier: "America/Lima") ?? TimeZone(secondsFromGMT: -18_000) ?? .current

    @discardableResult
    public static func seed(store: Store, now: @escaping @Sendable () -> Date = { Date() }) throws -> Summary {
        let db = store.db
        try CompanyProfileRepository(db: db, user: "admin", now: now).save(company)
        var seeder = Seeder(db: db, now: now)
        try db.write {
            try seeder.leadsAndDeals()
            try seeder.quotes()
        }
        return Summary(leads: seeder.leadCount, deals: seeder.dealCount, activities: seeder.activityCount,
                       quotes: seeder.quoteCount)
    }

    struct Seeder {
        let db: Database
        let now: @Sendable () -> Date
        var leadCount = 0, dealCount = 0, activityCount = 0, quoteCount = 0
        var rng = DemoRandom(seed: 3003)
        let today: LocalDate
        let items: [String: CatalogItem]
        var customers: [Int64] = []
        var leads: [Int64] = []

        init(db: Database, now: @escaping @Sendable () -> Date) {
            self.db = db; self.now = now
            today = LocalDate(now(), in: DemoSales.lima)
            var byCode: [String: CatalogItem] = [:]
            for item in DemoCatalog.items() { byCode[item.sku] = item }
            items = byCode
        }

        func deals(at date: Date) -> DealRepository { DealRepository(db: db, user: "ventas", now: { date }) }
        var quotesRepo: QuoteRepository { QuoteRepository(db: db, user: "ventas", now: now) }

        func daysAgo(_ days: Double) -> Date { now().addingTimeInterval(-days * 86_400) }

        // MARK: deals

        mutating func leadsAndDeals() throws {
            customers = try db.query(
                "SELECT id FROM customer WHERE doc_type = 'RUC' AND doc_number LIKE '20%' ORDER BY id LIMIT 60")
                .map { $0.int("id") }
            let leadSeeds: [Lead] = [
                Lead(name: "Clínica Dental Sonrisa Andina E.I.R.L.", contactName: "Dra. Rocío Mamani", phone: "984 221 310",
                     email: "rmamani@sonrisaandina.pe", notes: "Llegó por el formulario web."),
                Lead(name: "Panadería La Espiga de Oro", contactName: "Wilfredo Chávez", phone: "956 443 118",
                     notes: "Quiere tienda virtual con delivery."),
                Lead(name: "Colegio Santa Rosa de Chosica", docType: .ruc, docNumber: RUC.complete("2054433221") ?? "",
                     contactName: "Hna. Carmen Ríos", phone: "(01) 361-2045", email: "direccion@santarosachosica.edu.pe"),
                Lead(name: "Transportes Huallaga S.R.L.", contactName: "Édgar Tuesta", phone: "942 118 776",
                     email: "etuesta@thuallaga.com.pe", notes: "Necesita control de flota y facturación."),
                Lead(name: "Hostal Qhapaq Ñan Cusco", contactName: "Lucía Huillca", phone: "974 552 901",
                     notes: "Contacto por WhatsApp; pide web con reservas."),
                Lead(name: "Estudio Contable Ñique & Asociados", contactName: "CPC Óscar Ñique", phone: "(044) 29-4410",
                     email: "oniq@nique.pe", notes: "Referido por PÑ Ingenieros."),
            ]
            let repo = deals(at: now())
            for l in leadSeeds { leads.append(try repo.createLead(l).id ?? 0); leadCount += 1 }
            let titles: [BusinessUnit: [String]] = [
                .digital: ["Landing para campaña de verano", "Rediseño de sitio corporativo", "Tienda virtual con Izipay",
                           "Gestión de redes sociales", "Campaña Google Ads de matrícula", "Posicionamiento SEO local"],
                .software: ["Sistema de control de flota", "Integración de facturación electrónica", "App de pedidos para bodegas",
                            "Módulo de planillas a medida", "Portal de proveedores", "ERP Bytek para 15 usuarios"],
                .infrastructure: ["Cableado estructurado de 2 pisos", "Red Wi-Fi para hostal", "Videovigilancia de almacén",
                                  "NAS y respaldo en la nube", "Firewall y VPN para sucursales", "Mantenimiento anual de red"],
            ]
            let pipelines = try PipelineRepository(db: db, user: "admin", now: now).pipelines()
            let owners = ["ventas", "ventas", "admin"]
            for pipeline in pipelines {
                for stage in pipeline.activeStages {
                    guard let stageId = stage.id else { continue }
                    // Two deals per stage: one fresh, one that entered the stage long ago (stale when open).
                    for n in 0..<2 {
                        let pool = titles[pipeline.unit] ?? ["Oportunidad"]
                        let title = pool[(dealCount + n) % pool.count]
                        let onLead = customers.isEmpty || rng.chance(30)
                        let age: Double = n == 0 ? Double(rng.int(0...max(0, stage.expectedDays - 1)))
                            : Double(stage.expectedDays * 3 + rng.int(5...40))
                        let value = Int64(pipeline.unit == .digital ? rng.int(8...90) * 100 : rng.int(40...900) * 100)
                        let deal = Deal(
                            title: title, leadId: onLead ? rng.pick(leads) : nil,
                            customerId: onLead ? nil : rng.pick(customers), unit: pipeline.unit, stageId: stageId,
                            owner: rng.pick(owners), estimatedValue: Money(minorUnits: value * 100, rng.chance(15) ? .usd : .pen),
                            expectedClose: today.adding(days: rng.int(5...90)),
                            source: rng.pick(DealSource.allCases),
                            lostReason: stage.kind == .lost ? rng.pick(["Precio alto frente a la competencia",
                                                                        "El cliente postergó el proyecto",
                                                                        "Eligió un proveedor local", "Sin presupuesto este año"]) : nil,
                            stageEnteredAt: daysAgo(age))
                        let stored = try deals(at: daysAgo(age)).create(deal)
                        dealCount += 1
                        if stage.kind == .open, let id = stored.id { try activities(for: id, index: dealCount) }
                    }
                }
            }
        }

        mutating func activities(for dealId: Int64, index: Int) throws {
            let repo = deals(at: now())
            let plan: [(ActivityKind, String, Int, Bool)] = [
                (.call, "Llamar para confirmar interés", 0, false),
                (.whatsapp, "Enviar resumen por WhatsApp", -2, false),
                (.meeting, "Reunión de descubrimiento", 3, false),
                (.email, "Enviar propuesta por correo", -6, false),
                (.task, "Preparar cotización", -1, true),
            ]
            let (kind, subject, offset, done) = plan[index % plan.count]
            _ = try repo.addActivity(Activity(dealId: dealId, kind: kind, subject: subject,
                                              dueDate: today.adding(days: offset), owner: "ventas", done: done))
            activityCount += 1
        }

        // MARK: quotes

        func line(_ sku: String, _ quantity: Decimal, discount: Discount = .none, description: String? = nil) -> QuoteLine {
            guard let item = items[sku] else {
                return .product(description ?? sku, quantity: quantity, unitPrice: Money(minorUnits: 100, .pen))
            }
            let id = itemIds[sku]
            let text = description ?? item.name
            switch item.kind {
            case .product:
                return .product(text, quantity: quantity, unitPrice: item.price, catalogItemId: id,
                                taxCategory: item.taxCategory, discount: discount, unitCost: item.cost)
            case .service:
                return .service(text, quantity: quantity, rate: item.price, basis: item.rateBasis ?? .unit, catalogItemId: id,
                                taxCategory: item.taxCategory, discount: discount, unitCost: item.cost)
            case .subscription:
                return .subscription(text, periods: quantity, pricePerPeriod: item.price, period: item.period ?? .monthly,
                                     catalogItemId: id, taxCategory: item.taxCategory, discount: discount, unitCost: item.cost)
            }
        }

        var itemIds: [String: Int64] = [:]

        /// A deal in a unit's given stage for a customer, for a quote to belong to.
        mutating func deal(_ title: String, unit: BusinessUnit, stage: String, customer: Int64, value: Money) throws -> Int64? {
            guard let s = try PipelineRepository(db: db, user: "admin", now: now).pipeline(for: unit)?
                .stages.first(where: { $0.name == stage }), let stageId = s.id else { return nil }
            let d = try deals(at: daysAgo(4)).create(Deal(title: title, customerId: customer, unit: unit, stageId: stageId,
                                                          owner: "ventas", estimatedValue: value,
                                                          expectedClose: today.adding(days: 20), source: .referral,
                                                          stageEnteredAt: daysAgo(4)))
            dealCount += 1
            return d.id
        }

        mutating func create(_ content: QuoteContent) throws -> Quote {
            quoteCount += 1
            return try quotesRepo.createDraft(Quote(content))
        }

        mutating func quotes() throws {
            try db.forEach("SELECT id, sku FROM catalog_item") { itemIds[$0.string("sku")] = $0.int("id") }
            guard customers.count >= 8 else { return }
            let terms = "Precios válidos para Lima Metropolitana.\nLa garantía de los equipos es la del fabricante.\n"
                + "Los trabajos fuera del alcance se cotizan por separado."
            let repo = quotesRepo

            // 1. Borrador (U1), prices typed with IGV.
            _ = try create(QuoteContent(
                customerId: customers[0], unit: .digital, pricesIncludeIGV: true, issueDate: today,
                deliveryTime: "7 días hábiles", notes: "Incluye dos rondas de cambios.", terms: terms,
                lines: [line("WEB-LANDING-7D", 1), line("LOGO-MARCA", 1), line("SEO-MENSUAL", 6)], owner: "ventas"))

            // 2. Enviada (U2), by milestones.
            let sent = try create(QuoteContent(
                customerId: customers[1], unit: .software, issueDate: today, deliveryTime: "10 semanas",
                paymentTerms: .milestones([Milestone(name: "Firma del contrato", percent: 30),
                                           Milestone(name: "Entrega de la versión beta", percent: 30),
                                           Milestone(name: "Aceptación final", percent: 40)]),
                terms: terms,
                lines: [line("ANALISIS-HORA", 40), line("DEV-HORA", 280), line("QA-HORA", 50),
                        line("INTEGRACION-API", 1, description: "Integración con SUNAT (facturación electrónica)")],
                owner: "ventas"))
            if let id = sent.id { try repo.send(id, on: today.adding(days: -3)) }

            // 3. Aceptada (U2): deal won, milestones with amounts, subscriptions.
            let value = Money(minorUnits: 68_000_00, .pen)
            let wonDeal = try deal("Sistema de control de flota", unit: .software, stage: "Contrato", customer: customers[2],
                                   value: value)
            let accepted = try create(QuoteContent(
                customerId: customers[2], dealId: wonDeal, unit: .software, exchangeRate: Decimal(string: "3.75"),
                issueDate: today, deliveryTime: "12 semanas",
                paymentTerms: .milestones([Milestone(name: "Inicio del proyecto", percent: 30),
                                           Milestone(name: "Entrega del módulo de flota", percent: 40),
                                           Milestone(name: "Puesta en producción", percent: 30)]),
                notes: "Incluye tres meses de garantía tras la puesta en producción.", terms: terms,
                globalDiscount: .percent(5),
                lines: [line("ANALISIS-HORA", 60), line("DEV-HORA", 380), line("QA-HORA", 70), line("CAPACITACION-H", 16),
                        line("APP-MOVIL", 1, description: "App móvil para conductores (Android)"),
                        line("SAAS-SOPORTE", 12), line("ERP-LIC-ANUAL", 1, description: "Licencia ERP Bytek (5 usuarios)")],
                owner: "ventas"))
            if let id = accepted.id {
                let sentAt = daysAgo(6)
                _ = try QuoteRepository(db: db, user: "ventas", now: { sentAt }).send(id, on: today.adding(days: -6))
                try repo.accept(id, on: today.adding(days: -1))
            }

            // 4. Rechazada (U1); its deal lost.
            let lostDeal = try deal("Tienda virtual con Izipay", unit: .digital, stage: "Propuesta enviada",
                                    customer: customers[3], value: Money(minorUnits: 9_800_00, .pen))
            let rejected = try create(QuoteContent(
                customerId: customers[3], dealId: lostDeal, unit: .digital, issueDate: today, deliveryTime: "4 semanas",
                terms: terms, lines: [line("WEB-TIENDA", 1), line("RRSS-PLAN", 3), line("HOST-ANUAL", 1)], owner: "ventas"))
            if let id = rejected.id {
                try repo.send(id, on: today.adding(days: -9))
                try repo.reject(id)
                if let lostDeal { try deals(at: now()).markLost(lostDeal, reason: "Eligió una plataforma de suscripción") }
            }

            // 5. Vencida (U3): sent 40 days ago, never answered.
            let expired = try create(QuoteContent(
                customerId: customers[4], unit: .infrastructure, issueDate: today, deliveryTime: "5 días hábiles",
                paymentTerms: .credit(days: 30), terms: terms,
                lines: [line("CAM-HIK-4MP", 8), line("UTP-CAT6-305", 1), line("TEC-HORA", 12)], owner: "ventas"))
            if let id = expired.id { try repo.send(id, on: today.adding(days: -40)) }

            // 6. Two versions (U3): v1 sent, v2 with a discount accepted.
            let nasDeal = try deal("NAS y respaldo en la nube", unit: .infrastructure, stage: "Negociación",
                                   customer: customers[5], value: Money(minorUnits: 14_500_00, .pen))
            let v1 = try create(QuoteContent(
                customerId: customers[5], dealId: nasDeal, unit: .infrastructure, exchangeRate: Decimal(string: "3.752"),
                issueDate: today, deliveryTime: "7 días hábiles", paymentTerms: .credit(days: 30), terms: terms,
                lines: [line("NAS-DS923", 1), line("HDD-WD-4TB", 4), line("UPS-APC-1500", 1), line("TEC-HORA", 6),
                        line("BACKUP-GEST", 12)], owner: "ventas"))
            if let id = v1.id {
                try repo.send(id, on: today.adding(days: -8))
                var v2 = try repo.newVersion(of: id)
                try v2.edit { c in
                    c.globalDiscount = .percent(4)
                    c.lines[1].quantity = 2
                    c.notes = "Versión 2: dos discos en lugar de cuatro y 4% de descuento."
                }
                v2 = try repo.updateDraft(v2)
                quoteCount += 1
                if let id2 = v2.id {
                    try repo.send(id2, on: today.adding(days: -2))
                    try repo.accept(id2, on: today)
                }
            }

            // 7. In dollars with an exchange rate (U3), sent.
            _ = try sendNew(QuoteContent(
                customerId: customers[6], unit: .infrastructure, currency: .usd, exchangeRate: Decimal(string: "3.75"),
                issueDate: today, deliveryTime: "10 días hábiles", paymentTerms: .credit(days: 15), terms: terms,
                lines: [line("FW-FG40F", 2), line("AP-U6-PRO", 6), line("SW-TL-SG1024", 2), line("INST-PUNTO-RED", 18),
                        line("TEC-HORA", 10), line("MANT-PREV-MES", 12)], owner: "ventas"), on: today.adding(days: -1))

            // 8. A long one (~60 lines): a school's network, room by room (U3), sent.
            var long: [QuoteLine] = []
            let rooms = ["Aula 1A", "Aula 1B", "Aula 2A", "Aula 2B", "Aula 3A", "Aula 3B", "Laboratorio de cómputo",
                         "Biblioteca", "Dirección", "Secretaría", "Sala de profesores", "Auditorio", "Tópico", "Comedor"]
            for room in rooms {
                long.append(line("INST-PUNTO-RED", Decimal(rng.int(2...6)), description: "Punto de red certificado — \(room)"))
                long.append(line("AP-U6-LITE", 1, description: "Access point UniFi U6 Lite — \(room)"))
                long.append(line("CAM-HIK-4MP", 1, description: "Cámara IP 4 MP domo — \(room)"))
                long.append(line("TEC-HORA", Decimal(rng.int(2...4)), description: "Montaje y pruebas — \(room)"))
            }
            long += [line("GAB-9RU", 2), line("PATCH-24", 3), line("UTP-CAT6-305", 4), line("SW-TL-SG1024", 3),
                     line("UPS-APC-1500", 2), line("CAPAC-EXONERADA", 1)]
            _ = try sendNew(QuoteContent(
                customerId: customers[7], unit: .infrastructure, exchangeRate: Decimal(string: "3.75"), issueDate: today,
                deliveryTime: "6 semanas", paymentTerms: .milestones([Milestone(name: "Adelanto", percent: 50),
                                                                      Milestone(name: "Conformidad de obra", percent: 50)]),
                terms: terms, globalDiscount: .amount(500), lines: long, owner: "ventas"), on: today.adding(days: -2))

            try repo.expireDue(today: today)
        }

        mutating func sendNew(_ content: QuoteContent, on day: LocalDate) throws -> Quote? {
            let q = try create(content)
            guard let id = q.id else { return nil }
            return try quotesRepo.send(id, on: day)
        }
    }
}
