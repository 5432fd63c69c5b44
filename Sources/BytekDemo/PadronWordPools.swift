/// The words of the fake padrón, already in Latin-1 and upper case as SUNAT writes them, so the
/// generator appends bytes without building a String per line.
struct PadronWordPools: Sendable {
    static let shared = PadronWordPools()

    let firstNames: [[UInt8]]
    let surnames: [[UInt8]]
    let companyPrefixes: [[UInt8]]
    let companyCores: [[UInt8]]
    let companySuffixes: [[UInt8]]
    let streetTypes: [[UInt8]]
    let streets: [[UInt8]]
    let zoneKinds: [[UInt8]]
    let zones: [[UInt8]]
    /// (cumulative weight out of 1000, bytes "ESTADO|CONDICIÓN|")
    let statuses: [(Int, [UInt8])]

    /// Real ubigeo codes (INEI) of the places the demo uses.
    static let ubigeos = [
        "150101", "150122", "150131", "150140", "150114", "150130", "150113", "150116", "150117", "150103", "150108",
        "150104", "150120", "150121", "150136", "150105", "150112", "150110", "150132", "150142", "150141", "150119",
        "150601", "070101", "070102", "070104", "040101", "040103", "040129", "080101", "080108", "080105", "130101",
        "130111", "140101", "200101", "200104", "120114", "110101", "021801", "210101", "160101", "230101",
    ]
    let ubigeoBytes: [[UInt8]]

    init() {
        func up(_ list: [String]) -> [[UInt8]] { list.map { PadronGenerator.latin1($0.uppercased()) } }
        firstNames = up(PeruvianNames.firstNames + ["Ñusta", "Begoña", "Iñigo", "Zoë"])
        surnames = up(PeruvianNames.surnames + ["Muñoz", "Ibáñez", "Ordóñez", "Yáñez", "Peñaloza"])
        companyPrefixes = up(PeruvianNames.companyPrefixes)
        companyCores = up(PeruvianNames.companyCores)
        companySuffixes = up(PeruvianNames.companySuffixes)
        streetTypes = up(["Av.", "Jr.", "Cal.", "Pje.", "Car.", "Prol."])
        streets = up([
            "Javier Prado Este", "Arequipa", "de la Unión", "Las Begonias", "José Larco", "Benavides", "La Marina",
            "Huallaga", "Ejército", "Mercaderes", "El Sol", "España", "Angamos Oeste", "Primavera", "Túpac Amaru",
            "Los Piñones", "Grau", "Salaverry", "Ucayali", "Dolores", "Cañete", "Centenario", "Huáscar", "Ñaña",
        ])
        zoneKinds = up(["Urb.", "A.H.", "P.J.", "Coo.", "Res."])
        zones = up(["Santa Patricia", "Los Jardines", "San Juan Bautista", "Villa María", "Las Casuarinas", "Corpac",
                    "El Pino", "Señor de los Milagros", "Mariscal Cáceres", "Los Ángeles"])
        let mix: [(Int, String)] = [
            (780, "ACTIVO|HABIDO|"), (60, "ACTIVO|NO HABIDO|"), (20, "ACTIVO|NO HALLADO|"), (60, "BAJA DE OFICIO|HABIDO|"),
            (30, "BAJA DEFINITIVA|HABIDO|"), (25, "SUSPENSION TEMPORAL|HABIDO|"), (10, "BAJA PROV. POR OFICI|NO HABIDO|"),
            (5, "BAJA DE OFICIO|NO HALLADO SE MUDO D|"), (5, "SUSPENSION TEMPORAL|PENDIENTE|"), (5, "ACTIVO|-|"),
        ]
        var total = 0
        statuses = mix.map { weight, text in
            total += weight
            return (total, PadronGenerator.latin1(text))
        }
        ubigeoBytes = Self.ubigeos.map { PadronGenerator.latin1($0) }
    }

    /// "QUISPE ÑAHUI JOSÉ LUIS" or "CORPORACIÓN ANDINA S.A.C.".
    func name(person: Bool, rng: inout DemoRandom, into out: inout [UInt8]) {
        if person {
            out.append(contentsOf: rng.pick(surnames)); out.append(0x20)
            out.append(contentsOf: rng.pick(surnames)); out.append(0x20)
            out.append(contentsOf: rng.pick(firstNames))
            if rng.chance(50) { out.append(0x20); out.append(contentsOf: rng.pick(firstNames)) }
        } else {
            out.append(contentsOf: rng.pick(companyPrefixes)); out.append(0x20)
            out.append(contentsOf: rng.pick(companyCores)); out.append(0x20)
            out.append(contentsOf: rng.pick(companySuffixes))
        }
    }

    /// "ESTADO|CONDICIÓN|" with SUNAT's usual mix.
    func status(rng: inout DemoRandom, into out: inout [UInt8]) {
        let roll = rng.int(1...1000)
        out.append(contentsOf: (statuses.first { roll <= $0.0 } ?? statuses[0]).1)
    }

    /// "UBIGEO|TIPO VÍA|NOMBRE VÍA|CÓD. ZONA|ZONA|NÚMERO|INTERIOR|LOTE|DPTO.|MANZANA|KM.|": a street and
    /// number, a manzana and lote in an asentamiento, or no address at all ("-").
    func address(rng: inout DemoRandom, into out: inout [UInt8]) {
        let dash: [UInt8] = [0x2D, 0x7C]
        let roll = rng.int(1...100)
        if roll <= 8 {
            out.append(contentsOf: Array(repeating: dash, count: 11).flatMap { $0 })
            return
        }
        out.append(contentsOf: rng.pick(ubigeoBytes)); out.append(0x7C)
        if roll <= 75 {
            out.append(contentsOf: rng.pick(streetTypes)); out.append(0x7C)
            out.append(contentsOf: rng.pick(streets)); out.append(0x7C)
            if rng.chance(40) {
                out.append(contentsOf: rng.pick(zoneKinds)); out.append(0x7C)
                out.append(contentsOf: rng.pick(zones)); out.append(0x7C)
            } else { out.append(contentsOf: dash + dash) }
            out.append(contentsOf: Array(String(rng.int(1...3999)).utf8)); out.append(0x7C)
            if rng.chance(20) { out.append(contentsOf: Array(String(rng.int(101...1505)).utf8)); out.append(0x7C) }
            else { out.append(contentsOf: dash) }
            out.append(contentsOf: dash + dash + dash + dash)
        } else {
            out.append(contentsOf: dash + dash)
            out.append(contentsOf: rng.pick(zoneKinds)); out.append(0x7C)
            out.append(contentsOf: rng.pick(zones)); out.append(0x7C)
            out.append(contentsOf: dash + dash)
            out.append(contentsOf: Array(String(rng.int(1...40)).utf8)); out.append(0x7C)
            out.append(contentsOf: dash)
            out.append(UInt8(0x41 + rng.int(0...20))); out.append(0x7C)
            out.append(contentsOf: dash)
        }
    }
}
