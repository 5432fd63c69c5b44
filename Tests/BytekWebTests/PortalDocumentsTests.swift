import BytekModel
import BytekServices
import BytekStore
@testable import BytekWeb
import Foundation
import Testing

/// The portal's documents and estado de cuenta, asked of `WebApp` as a contact's browser would.
@Suite("Portal: documents and estado de cuenta")
struct PortalDocumentsTests {
    @Test("documents: a contact sees only its customer's, newest first; another customer's id or document is 404 no encontrado")
    func scope() throws {
        let f = try PortalMoneyFixture()
        let mine = try f.factura(PortalMoneyFixture.andinaRUC, price: 100)
        let theirs = try f.factura(PortalMoneyFixture.gammaRUC, price: 999)
        let newest = try f.factura(PortalMoneyFixture.andinaRUC, price: 250, answered: false)

        let page = f.get("/c/\(f.andina)/documentos", as: f.ana)
        #expect(page.status == 200)
        let text = page.text
        let first = try #require(text.range(of: "Factura F001-\(newest.number)"))
        let second = try #require(text.range(of: "Factura F001-\(mine.number)"))
        #expect(first.lowerBound < second.lowerBound, "newest first")
        #expect(!text.contains("F001-\(theirs.number)<") && !text.contains("1,178.82"), "Gamma's factura is not listed")
        #expect(text.contains("S/ 118.00") && text.contains("S/ 295.00") && text.contains("18/11/2026"))
        #expect(text.contains("Aceptado por SUNAT") && text.contains("Pendiente de envío a SUNAT"))
        #expect(text.contains("CDR: aún sin respuesta de SUNAT"), "no CDR link before SUNAT answers")

        for path in ["/c/\(f.gamma)/documentos", "/c/\(f.andina)/documentos/\(theirs.id)/pdf",
                     "/c/\(f.andina)/documentos/\(theirs.id)/xml", "/c/\(f.andina)/documentos/\(theirs.id)/cdr",
                     "/c/\(f.gamma)/documentos/\(theirs.id)/xml", "/c/\(f.andina)/documentos/999999/pdf",
                     "/c/\(f.andina)/documentos/\(mine.id)/zip", "/c/\(f.gamma)/cuenta", "/c/\(f.gamma)/cuenta/pdf",
                     "/c/\(f.andina)/nada"] {
            let r = f.get(path, as: f.ana)
            #expect(r.status == 404, "\(path)")
            #expect(r.text.contains("No encontrado") && !r.text.contains("Gamma") && !r.text.contains("999.00"), "\(path)")
            #expect(r.header("Content-Disposition") == nil, "\(path)")
        }
        // Gina sees her own, and nothing of Andina.
        #expect(f.get("/c/\(f.gamma)/documentos/\(theirs.id)/xml", as: f.gina).status == 200)
        #expect(f.get("/c/\(f.gamma)/documentos/\(mine.id)/xml", as: f.gina).status == 404)
        // Without a session: back to the login page.
        let anonymous = f.get("/c/\(f.andina)/documentos/\(mine.id)/pdf", as: nil)
        #expect(anonymous.status == 303 && anonymous.header("Location") == "/")
        #expect(f.get("/c/\(f.andina)/documentos", as: "no-es-una-sesion").status == 303)
    }

    @Test("downloads: the PDF as printed (%PDF), the stored signed XML and the CDR byte for byte, as attachments with SUNAT's file names; no CDR yet → 404")
    func downloads() throws {
        let f = try PortalMoneyFixture()
        let doc = try f.factura(PortalMoneyFixture.andinaRUC, price: 100)
        let pending = try f.factura(PortalMoneyFixture.andinaRUC, price: 50, answered: false)
        let base = "/c/\(f.andina)/documentos/\(doc.id)/"

        let pdf = f.get(base + "pdf", as: f.ana)
        #expect(pdf.status == 200 && pdf.header("Content-Type") == "application/pdf")
        #expect(Array(pdf.body.prefix(5)) == Array("%PDF-".utf8) && pdf.body.count > 2000)
        #expect(pdf.header("Content-Disposition") == "attachment; filename=\"20123456786-01-F001-\(doc.number).pdf\"")

        let xml = f.get(base + "xml", as: f.ana)
        #expect(xml.status == 200 && xml.header("Content-Type") == "application/xml")
        #expect(xml.body == PortalMoneyFixture.signedXML(number: doc.number))
        #expect(xml.body == (try EDocumentRepository(db: f.store.db, user: "t").signedXML(id: doc.id)))
        #expect(xml.header("Content-Disposition") == "attachment; filename=\"20123456786-01-F001-\(doc.number).xml\"")

        let cdr = f.get(base + "cdr", as: f.ana)
        #expect(cdr.status == 200 && cdr.header("Content-Type") == "application/zip")
        #expect(cdr.body == PortalMoneyFixture.cdr(number: doc.number))
        #expect(cdr.header("Content-Disposition") == "attachment; filename=\"R-20123456786-01-F001-\(doc.number).zip\"")
        // Files are personal: never cached.
        #expect(cdr.header("Cache-Control") == "no-store")

        #expect(f.get("/c/\(f.andina)/documentos/\(pending.id)/cdr", as: f.ana).status == 404)
        #expect(f.get("/c/\(f.andina)/documentos/\(pending.id)/xml", as: f.ana).status == 200)
    }

    @Test("paging is keyset: 60 documents walked forward visit each once, newest first, and walk back; year and status filter")
    func paging() throws {
        let f = try PortalMoneyFixture()
        var andinaIds: [Int64] = []
        for i in 0..<60 {
            let day = i < 10 ? "2025-06-10" : "2026-11-18"
            andinaIds.append(try f.factura(PortalMoneyFixture.andinaRUC, price: Decimal(100 + i), on: day, answered: i % 2 == 0).id)
            if i % 6 == 0 { _ = try f.factura(PortalMoneyFixture.gammaRUC, price: 5, on: day) }
        }
        func ids(_ page: String) -> [Int64] {
            page.matches(of: /documentos\/([0-9]+)\/pdf/).map { Int64($0.1)! }
        }
        func link(_ page: String, _ key: String) -> String? {
            page.firstMatch(of: try! Regex("\\?([^\"]*\(key)=[0-9]+)\""))?.output[1].substring.map {
                String($0).replacingOccurrences(of: "&amp;", with: "&")
            }
        }
        func query(_ text: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: text.split(separator: "&").map {
                let kv = $0.split(separator: "=", maxSplits: 1)
                return (String(kv[0]), kv.count > 1 ? String(kv[1]) : "")
            })
        }
        let path = "/c/\(f.andina)/documentos"
        var seen: [Int64] = []
        var page = f.get(path, as: f.ana).text
        var pages = [page]
        #expect(link(page, "antes") == nil, "the first page has nothing newer")
        while true {
            seen += ids(page)
            guard let next = link(page, "despues") else { break }
            page = f.get(path, as: f.ana, query: query(next)).text
            pages.append(page)
        }
        #expect(seen == andinaIds.reversed(), "every document of Andina once, newest first, none of Gamma")
        #expect(pages.count == 3 && ids(pages[0]).count == PortalService.documentsPageSize)
        // Back from the last page to the one before it.
        let back = try #require(link(pages[2], "antes"))
        #expect(ids(f.get(path, as: f.ana, query: query(back)).text) == ids(pages[1]))
        // A cursor that is not a number is the first page.
        #expect(ids(f.get(path, as: f.ana, query: ["despues": "x' OR 1=1"]).text) == ids(pages[0]))

        let in2025 = f.get(path, as: f.ana, query: ["anio": "2025"]).text
        #expect(ids(in2025) == Array(andinaIds.prefix(10).reversed()))
        #expect(in2025.contains("<option value=\"2025\" selected>"))
        let pendingOnly = ids(f.get(path, as: f.ana, query: ["estado": "pendiente", "anio": "2025"]).text)
        #expect(pendingOnly == [andinaIds[9], andinaIds[7], andinaIds[5], andinaIds[3], andinaIds[1]])
        let none = f.get(path, as: f.ana, query: ["anio": "2024"]).text
        #expect(ids(none).isEmpty && none.contains("No hay documentos con estos filtros."))
        // The filters stay on the paging links.
        let filtered = f.get(path, as: f.ana, query: ["estado": "aceptado"]).text
        #expect(link(filtered, "despues")?.hasPrefix("estado=aceptado&") == true)
    }

    @Test("estado de cuenta: charges and running balance per currency, aging, PDF; a wrong date names the field; strict CSP")
    func statement() throws {
        let f = try PortalMoneyFixture()
        let a = try f.factura(PortalMoneyFixture.andinaRUC, price: 100)
        let b = try f.factura(PortalMoneyFixture.andinaRUC, price: 1000)
        _ = try f.factura(PortalMoneyFixture.gammaRUC, price: 777)

        let page = f.get("/c/\(f.andina)/cuenta", as: f.ana, query: ["desde": "2026-11-01", "hasta": "2026-11-30"])
        #expect(page.status == 200)
        let text = page.text
        for expected in ["F001-\(a.number)", "F001-\(b.number)", "118.00", "1,298.00", "Saldo al cierre: <strong>S/ 1,298.00</strong>",
                         "En soles", "0–30 días", "Antigüedad de la deuda", "data-label=\"Saldo\"",
                         "href=\"/c/\(f.andina)/cuenta/pdf?desde=2026-11-01&hasta=2026-11-30\""] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(!text.contains("916.86"), "Gamma's factura is not there")
        #expect(page.header("Content-Security-Policy") == ContentPolicy.strict)

        let noProfile = f.get("/c/\(f.andina)/cuenta/pdf", as: f.ana)
        #expect(noProfile.status == 503 && noProfile.text.contains("PDF no disponible"), "the company profile is not set yet")
        try f.companyProfile()
        let pdf = f.get("/c/\(f.andina)/cuenta/pdf", as: f.ana, query: ["desde": "2026-11-01", "hasta": "2026-11-30"])
        #expect(pdf.status == 200 && Array(pdf.body.prefix(5)) == Array("%PDF-".utf8), "\(pdf.text.prefix(300))")
        #expect(pdf.header("Content-Disposition")
            == "attachment; filename=\"estado-de-cuenta-\(PortalMoneyFixture.andinaRUC)-2026-11-01-2026-11-30.pdf\"")

        let bad = f.get("/c/\(f.andina)/cuenta", as: f.ana, query: ["desde": "31/11/2026"])
        #expect(bad.status == 422 && bad.text.contains("Desde: escriba una fecha válida (aaaa-mm-dd)"))
        #expect(bad.text.contains("value=\"31/11/2026\""), "what was typed stays in the field")
        let reversed = f.get("/c/\(f.andina)/cuenta", as: f.ana, query: ["desde": "2026-12-01", "hasta": "2026-11-01"])
        #expect(reversed.status == 422 && reversed.text.contains("es posterior a la final"))
        let huge = f.get("/c/\(f.andina)/cuenta", as: f.ana, query: ["desde": "99999999999999999999"])
        #expect(huge.status == 422)
        #expect(f.get("/c/\(f.andina)/cuenta/pdf", as: f.ana, query: ["desde": "x"]).status == 404)
    }

    @Test("the contact's home links to its money pages; each page has the sections with the current one marked")
    func navigation() throws {
        let f = try PortalMoneyFixture()
        let home = f.get("/c/\(f.andina)", as: f.ana).text
        #expect(home.contains("href=\"/c/\(f.andina)/documentos\"") && home.contains("href=\"/c/\(f.andina)/cuenta\""))
        #expect(home.contains("aria-current=\"page\">Inicio</a>"))
        let docs = f.get("/c/\(f.andina)/documentos", as: f.ana).text
        #expect(docs.contains("aria-current=\"page\">Documentos</a>") && docs.contains("Andina de Servicios S.A.C."))
        #expect(docs.contains("Cerrar sesión"))
    }

    @Test("the gateway origins go into a checkout page's policy only as plain origins; every other page keeps the strict one")
    func checkoutPolicy() {
        let policy = ContentPolicy.checkout(allowing: ["https://static.micuentaweb.pe", "https://api.micuentaweb.pe",
                                                      "https://x.pe; script-src *", "'unsafe-inline'", "http://evil.com",
                                                      "http://127.0.0.1:8123", "https://static.micuentaweb.pe", "data:"])
        #expect(policy.contains("script-src https://static.micuentaweb.pe https://api.micuentaweb.pe http://127.0.0.1:8123;"))
        #expect(policy.contains("frame-src https://static.micuentaweb.pe") && policy.contains("connect-src https://static.micuentaweb.pe"))
        #expect(policy.contains("form-action 'self' https://static.micuentaweb.pe"))
        for bad in ["x.pe", "unsafe-inline", "evil.com", "script-src *"] { #expect(!policy.contains(bad), "\(bad)") }
        #expect(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'none'"))
        #expect(ContentPolicy.checkout(allowing: ["javascript:alert(1)"]) == ContentPolicy.strict)

        var r = HTTPResponse.html("x")
        #expect(r.all("Content-Security-Policy") == [ContentPolicy.strict])
        r.allowCheckout(from: ["https://checkout.vnforapps.com"])
        #expect(r.all("Content-Security-Policy").count == 1, "one policy, not the strict one beside it")
        #expect(r.header("Content-Security-Policy")?.contains("script-src https://checkout.vnforapps.com") == true)
        #expect(r.header("X-Frame-Options") == "DENY")
    }
}
