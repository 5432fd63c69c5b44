import Foundation
import Testing
@testable import BytekSUNAT

@Suite("CDR reader")
struct CDRReaderTests {
    static let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <ar:ApplicationResponse xmlns:ar="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"
      xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
      xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">
      <cbc:ID>1700000000000</cbc:ID>
      <cbc:Note>4287 - El precio unitario no coincide</cbc:Note>
      <cbc:Note>4332 - Otra observación &amp; más</cbc:Note>
      <cac:DocumentResponse>
        <cac:Response>
          <cbc:ReferenceID>F001-7</cbc:ReferenceID>
          <cbc:ResponseCode>0</cbc:ResponseCode>
          <cbc:Description>La Factura numero F001-7, ha sido aceptada</cbc:Description>
        </cac:Response>
        <cac:DocumentReference><cbc:ID>F001-7</cbc:ID></cac:DocumentReference>
      </cac:DocumentResponse>
    </ar:ApplicationResponse>
    """

    @Test func readsCodeDescriptionNotesAndReference() throws {
        let zip = try SunatZip.make(entryName: "R-20123456786-01-F001-7.xml", xml: Array(Self.xml.utf8))
        let cdr = try CDRReader.read(zip: zip)
        #expect(cdr.responseCode == "0")
        #expect(cdr.isAccepted)
        #expect(cdr.referenceID == "F001-7")
        #expect(cdr.description == "La Factura numero F001-7, ha sido aceptada")
        #expect(cdr.observations == ["4287 - El precio unitario no coincide", "4332 - Otra observación & más"])
    }

    @Test func rejectionCode() throws {
        let text = Self.xml.replacingOccurrences(of: "<cbc:ResponseCode>0<", with: "<cbc:ResponseCode>2017<")
        let cdr = try CDRReader.parse(xml: Data(text.utf8))
        #expect(cdr.isRejected)
        #expect(!cdr.isAccepted)
    }

    @Test func garbageIsRefused() {
        #expect(throws: CDRError.self) { _ = try CDRReader.read(zip: Data("no es zip".utf8)) }
        #expect(throws: CDRError.self) { _ = try CDRReader.parse(xml: Data("<a><b>".utf8)) }
    }
}
