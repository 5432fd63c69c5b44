import Testing
@testable import BytekModel

@Suite struct UbigeoTests {
    @Test func theTableIsCompleteAndWellFormed() {
        #expect(Ubigeo.departments.count == 25)
        #expect(Ubigeo.places.filter { $0.level == .province }.count == 196)
        let districts = Ubigeo.places.filter { $0.level == .district }
        #expect(districts.count == 1_884)
        for d in districts {
            #expect(Ubigeo.lookup(d.code) != nil, "\(d.code) sin provincia o departamento")
        }
        #expect(Ubigeo.places.allSatisfy { $0.code.count == 6 && $0.code.allSatisfy(\.isNumber) && !$0.name.isEmpty })
    }

    @Test func lookupGivesTheThreeNames() {
        let n = Ubigeo.lookup("150131")
        #expect(n?.district == "SAN ISIDRO")
        #expect(n?.province == "LIMA")
        #expect(n?.department == "LIMA")
        #expect(n?.line == "SAN ISIDRO, LIMA, LIMA")
        #expect(Ubigeo.lookup("080108")?.district == "WANCHAQ")
        #expect(Ubigeo.lookup("150100") == nil, "a province is not an address's district")
        #expect(Ubigeo.lookup("999999") == nil)
        #expect(Ubigeo.lookup("15013") == nil)
    }

    @Test func listsGoDownTheHierarchy() {
        #expect(Ubigeo.departments.first?.name == "AMAZONAS")
        #expect(Ubigeo.provinces(of: "150000").count == 10)
        #expect(Ubigeo.provinces(of: "07").map(\.code) == ["070100"], "Callao has one province")
        #expect(Ubigeo.districts(of: "150100").count == 43, "Lima Metropolitana")
        #expect(Ubigeo.districts(of: "0701").map(\.name).contains("MI PERU"))
        #expect(Ubigeo.districts(of: "15").isEmpty)
    }

    @Test func searchFoldsAccentsAndCase() {
        #expect(Ubigeo.search("nepeña").first?.code == "021806")
        #expect(Ubigeo.search("NEPENA").first?.code == "021806")
        #expect(Ubigeo.search("Los Baños del Inca").first?.code == "060108")
        let sanIsidro = Ubigeo.searchDistricts("san isidro")
        #expect(sanIsidro.contains { $0.code == "150131" })
        #expect(Ubigeo.search("cusco", level: .department).map(\.code) == ["080000"])
        #expect(Ubigeo.search("   ").isEmpty)
        #expect(Ubigeo.search("zzzz").isEmpty)
    }
}
