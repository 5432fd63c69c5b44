import BytekModel
import Foundation
import Testing
@testable import BytekDocuments

@Suite struct ContractTemplateTests {
    @Test(arguments: BusinessUnit.allCases)
    func everyDefaultTemplateIsFullyReplaced(unit: BusinessUnit) throws {
        let contract = ContractSample.contract()
        let template = ContractTemplate.standard(for: unit)
        let blocks = try template.render(values: contract.placeholderValues)
        var text = ""
        var hasScope = false
        var hasSignatures = false
        for block in blocks {
            switch block {
            case .title(let s), .heading(let s), .subheading(let s), .paragraph(let s): text += s + "\n"
            case .listItem(let s):
                text += s + "\n"
                if s == contract.scope[0] { hasScope = true }
            case .milestones: break
            case .signatures(let boxes): hasSignatures = boxes.count == 2
            }
        }
        #expect(!text.contains("{{"))
        #expect(!text.contains("}}"))
        #expect(text.contains(contract.customer.name))
        #expect(text.contains(contract.total.formatted))
        #expect(text.contains("cotización COT-2026-00042 versión 2"))
        #expect(hasScope)
        #expect(hasSignatures)
        if case .title = blocks.first {} else { Issue.record("la primera línea debe ser el título") }
    }

    @Test func softwareContractLocksTheScopeAndHasMilestones() throws {
        let contract = ContractSample.contract()
        let blocks = try ContractTemplate.softwareDevelopment.render(values: contract.placeholderValues)
        #expect(blocks.contains(.paragraph(
            "El alcance queda definido por la cotización COT-2026-00042 versión 2; todo cambio se cotiza aparte como "
                + "solicitud de cambio. Comprende únicamente los siguientes entregables:")))
        #expect(blocks.contains(.milestones(contract.milestones, .pen)))
        #expect(blocks.contains { if case .heading(let h) = $0 { return h.contains("ACEPTACIÓN DE CADA HITO") } else { return false } })
    }

    @Test func unknownPlaceholderIsRefusedByName() {
        let template = ContractTemplate(name: "x", text: "# Título\nHola {{cliente.razon_social}}.\n\nPrecio: {{precio_totl}}")
        #expect(throws: ContractTemplateError.unknownPlaceholder("precio_totl", line: 4)) {
            try template.render(values: ContractSample.contract().placeholderValues)
        }
        let error = ContractTemplateError.unknownPlaceholder("precio_totl", line: 4)
        #expect(error.message.contains("{{precio_totl}}"))
    }

    @Test func unclosedPlaceholderIsRefused() {
        let template = ContractTemplate(name: "x", text: "Hola {{cliente.razon_social")
        #expect(throws: ContractTemplateError.unclosedPlaceholder(line: 1)) {
            try template.render(values: ContractSample.contract().placeholderValues)
        }
    }

    @Test func syntaxHeadingsParagraphsListsAndInlineBlocks() throws {
        let text = """
            # Contrato
            Primera línea
            sigue el párrafo.

            ## Detalle
            - uno
            - dos {{fecha}}
            Alcance en línea: {{alcance}}.
            {{firma_empresa}}

            {{firma_cliente}}
            """
        let values: [String: ContractValue] = [
            "fecha": .text("1 de enero de 2027"), "alcance": .list(["A", "B"]),
            "firma_empresa": .signature(["Empresa"]), "firma_cliente": .signature(["Cliente"]),
        ]
        let blocks = try ContractTemplate(name: "t", text: text).render(values: values)
        #expect(blocks == [
            .title("Contrato"), .paragraph("Primera línea sigue el párrafo."), .subheading("Detalle"),
            .listItem("uno"), .listItem("dos 1 de enero de 2027"), .paragraph("Alcance en línea: A; B."),
            .signatures([["Empresa"], ["Cliente"]]),
        ])
        #expect(try ContractTemplate(name: "t", text: text).placeholders() == ["fecha", "alcance", "firma_empresa", "firma_cliente"])
    }

    @Test func loadWritesTheDefaultOnceAndThenReadsTheEditedFile() throws {
        let folder = TempFolder()
        let dir = folder.file("plantillas")
        let first = try ContractTemplate.load(for: .software, folder: dir)
        #expect(first.text == ContractTemplate.softwareDevelopment.text)
        let path = dir + "/" + ContractTemplate.fileName(for: .software)
        #expect(FileManager.default.fileExists(atPath: path))
        try Data("# Mi contrato\nCon {{cliente.razon_social}}.".utf8).write(to: URL(fileURLWithPath: path))
        let edited = try ContractTemplate.load(for: .software, folder: dir)
        #expect(edited.text.hasPrefix("# Mi contrato"))
    }
}

@Suite struct ContractPDFTests {
    @Test func contractPDFHasTheScopeHashAndTheText() throws {
        let folder = TempFolder()
        let pdf = folder.file("contrato.pdf")
        let contract = ContractSample.contract()
        let pages = try ContractPDF.render(contract, template: .standard(for: .software), to: pdf)
        #expect(pages >= 2)
        #expect(try Poppler.pageCount(pdf) == pages)
        let flat = squeezed(try Poppler.text(pdf))
        #expect(flat.contains("SHA-256 del alcance: \(contract.scopeHash)"))
        for page in 1...pages {
            #expect(try Poppler.text(pdf, page: page).contains(contract.scopeHash), "falta el hash en la página \(page)")
        }
        for phrase in ["CONTRATO DE PRESTACIÓN DE SERVICIOS", "Compañía Minera Peñasco Azul S.A.A.", "Martín Ñahui Cárdenas",
                       "SOLICITUDES DE CAMBIO", contract.total.formatted, "EL CLIENTE", "Página \(pages) de \(pages)"] {
            #expect(flat.contains(phrase), "falta «\(phrase)»")
        }
        #expect(!flat.contains("{{"))
        #expect(try Poppler.info(pdf).contains("(A4)"))
    }

    @Test func unknownPlaceholderWritesNoFile() {
        let folder = TempFolder()
        let pdf = folder.file("malo.pdf")
        let template = ContractTemplate(name: "x", text: "# X\n{{no_existe}}")
        #expect(throws: ContractTemplateError.self) {
            try ContractPDF.render(ContractSample.contract(), template: template, to: pdf)
        }
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }
}
