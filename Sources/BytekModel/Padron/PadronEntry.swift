/// One taxpayer of SUNAT's padrón reducido (the file of every RUC): its name, its state
/// (estado del contribuyente) and the condition of its fiscal address (condición de domicilio),
/// the ubigeo and the parts of the address as SUNAT publishes them. Empty parts (SUNAT writes "-")
/// are nil.
public struct PadronEntry: Sendable, Equatable {
    public var ruc: String
    public var razonSocial: String
    /// "ACTIVO", "BAJA DE OFICIO", "SUSPENSION TEMPORAL", … as SUNAT writes it.
    public var estado: String
    /// "HABIDO", "NO HABIDO", "NO HALLADO", … as SUNAT writes it.
    public var condicion: String
    /// The six-digit ubigeo (INEI) of the fiscal address, when SUNAT gives one.
    public var ubigeo: String?
    public var address: PadronAddress

    public init(ruc: String, razonSocial: String, estado: String, condicion: String, ubigeo: String?,
                address: PadronAddress) {
        self.ruc = ruc; self.razonSocial = razonSocial; self.estado = estado; self.condicion = condicion
        self.ubigeo = ubigeo; self.address = address
    }

    public var isActive: Bool { estado == "ACTIVO" }
    public var isHabido: Bool { condicion == "HABIDO" }
    /// A customer whose RUC is not ACTIVO or not HABIDO gets a warning (not a block) where it is
    /// quoted or invoiced.
    public var isActiveAndHabido: Bool { isActive && isHabido }

    /// What is wrong, as SUNAT writes it: the estado when not ACTIVO, the condición when not HABIDO
    /// (empty when both are fine). Every warning about the RUC words it from these.
    public var problems: [String] { [isActive ? nil : estado, isHabido ? nil : condicion].compactMap { $0 } }

    /// The address in SUNAT's usual order ("CAL. CENTENARIO NRO. 156 URB. LAS LADERAS DE MELGAREJO").
    public var direccion: String { address.text }

    /// What a customer or lead form fills in from this entry when its RUC is typed.
    public var formFill: PadronFormFill {
        PadronFormFill(razonSocial: razonSocial, direccion: direccion, ubigeo: ubigeo)
    }
}

/// The fields a customer or lead form takes from the padrón: the user sees them filled and may change them.
/// The department, province and district names come from `ubigeo` (the ubigeo table).
public struct PadronFormFill: Sendable, Equatable {
    public var razonSocial: String
    public var direccion: String
    public var ubigeo: String?

    public init(razonSocial: String, direccion: String, ubigeo: String?) {
        self.razonSocial = razonSocial; self.direccion = direccion; self.ubigeo = ubigeo
    }
}
