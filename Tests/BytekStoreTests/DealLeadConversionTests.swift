import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Lead → customer conversion")
struct DealLeadConversionTests {
    typealias F = SalesFixtures

    struct Env {
        let folder = TempFolder()
        let db: Database
        let clock = SalesTestClock()
        let deals: DealRepository
        let quotes: QuoteRepository
        init() throws {
            db = try makeDatabase(folder)
            deals = DealRepository(db: db, user: "ana", now: clock.now)
            quotes = QuoteRepository(db: db, user: "ana", now: clock.now)
        }

        func stage(_ unit: BusinessUnit, _ name: String) throws -> Int64 {
            try #require(try PipelineRepository(db: db, user: "ana").pipeline(for: unit)?.stages.first { $0.name == name }?.id)
        }

        func deal(_ title: String, leadId: Int64) throws -> Deal {
            try deals.create(Deal(title: title, leadId: leadId, unit: .infrastructure,
                                  stageId: try stage(.infrastructure, "Cotización"), owner: "ana",
                                  estimatedValue: F.pen("4500"), source: .referral, stageEnteredAt: clock.now()))
        }
    }

    @Test func convertingChecksTheRucAndPointsDealsAndDraftsToTheCustomer() throws {
        let env = try Env()
        let lead = try env.deals.createLead(Lead(name: "Colegio San Martín", contactName: "Rosa Quispe", phone: "987654321"))
        let leadId = try #require(lead.id)
        let first = try env.deal("Cableado", leadId: leadId)
        let second = try env.deal("Cámaras", leadId: leadId)
        let draft = try env.quotes.createDraft(Quote(F.content(customerId: nil, dealId: first.id)))
        let before = try count(env.db, "audit_log")

        // A wrong check digit: the customer rules refuse it, nothing changes.
        let wrong = Customer(docType: .ruc, docNumber: "20100047219", legalName: "Colegio San Martín S.A.C.")
        #expect {
            try env.deals.convertLead(leadId, into: wrong)
        } throws: { error in
            guard case CustomerRepositoryError.invalid(let fields) = error else { return false }
            return fields[.docNumber] != nil
        }
        #expect(try count(env.db, "customer") == 0)
        #expect(try count(env.db, "audit_log") == before)
        #expect(try env.deals.lead(leadId)?.customerId == nil)

        let good = Customer(docType: .ruc, docNumber: "20100047218", legalName: "Colegio San Martín S.A.C.")
        let result = try env.deals.convertLead(leadId, into: good)
        let customerId = try #require(result.customer.id)
        #expect(result.dealIds == [first.id, second.id].compactMap { $0 })
        #expect(result.quoteIds == [draft.id].compactMap { $0 })
        #expect(try env.deals.lead(leadId)?.customerId == customerId)
        #expect(try env.deals.lead(leadId)?.docNumber == "20100047218")
        for id in result.dealIds {
            let deal = try #require(try env.deals.get(id))
            #expect(deal.customerId == customerId && deal.leadId == leadId)
            #expect(try env.deals.card(id)?.party == result.customer.legalName)
        }
        #expect(try env.quotes.get(try #require(draft.id))?.customerId == customerId)
        // customer + lead + 2 deals + 1 quote
        #expect(try count(env.db, "audit_log") == before + 5)

        #expect(throws: SalesRepositoryError.leadAlreadyConverted(customerId: customerId)) {
            try env.deals.convertLead(leadId, into: Customer(docType: .dni, docNumber: "12345678", legalName: "Otra"))
        }
        #expect(throws: SalesRepositoryError.notFound(SalesAuditEntity.lead, 999)) {
            try env.deals.convertLead(999, into: good)
        }
    }

    @Test func aDuplicateDocumentIsRefusedAndRolledBack() throws {
        let env = try Env()
        let existing = try F.customer(env.db, "2010004721")
        let stored = try #require(try CustomerRepository(db: env.db, user: "t").get(existing))
        let leadId = try #require(try env.deals.createLead(Lead(name: "Colegio")).id)
        let deal = try env.deal("Cableado", leadId: leadId)
        #expect(throws: CustomerRepositoryError.duplicateDocument(.ruc, stored.docNumber, existingId: existing)) {
            try env.deals.convertLead(leadId, into: Customer(docType: .ruc, docNumber: stored.docNumber, legalName: "Colegio"))
        }
        #expect(try env.deals.get(try #require(deal.id))?.customerId == nil)
        #expect(try env.deals.lead(leadId)?.customerId == nil)
    }

    @Test func aVersionSentBeforeTheConversionIsAcceptedForTheDealsCustomer() throws {
        let env = try Env()
        let leadId = try #require(try env.deals.createLead(Lead(name: "Colegio")).id)
        let deal = try env.deal("Mantenimiento", leadId: leadId)
        let sent = try env.quotes.createDraft(Quote(F.content(customerId: nil, dealId: deal.id)))
        let id = try #require(sent.id)
        try env.quotes.send(id, on: F.march2)
        // The quote has a subscription line: without a customer it cannot be accepted.
        #expect(throws: SalesRepositoryError.customerRequired) { try env.quotes.accept(id, on: F.march2) }
        let customer = try env.deals.convertLead(leadId, into: Customer(docType: .dni, docNumber: "12345678",
                                                                       legalName: "Rosa Quispe"))
        #expect(try env.quotes.get(id)?.customerId == nil)  // a sent version never changes
        let accepted = try env.quotes.accept(id, on: F.march2)
        #expect(accepted.subscriptions.count == 1)
        #expect(accepted.subscriptions.allSatisfy { $0.customerId == customer.customer.id })
    }
}
