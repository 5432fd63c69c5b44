import BytekModel

/// The catalog of BYTEK's three units: digital packages, custom software services and
/// infrastructure hardware with installation and maintenance.
public enum DemoCatalog {
    public static func items() -> [CatalogItem] {
        func pen(_ s: Int64) -> Money { Money(minorUnits: s * 100, .pen) }
        func usd(_ s: Int64) -> Money { Money(minorUnits: s * 100, .usd) }
        let d = BusinessUnit.digital, sw = BusinessUnit.software, i = BusinessUnit.infrastructure
        return [
            // U1 Digital
            CatalogItem(sku: "WEB-LANDING-7D", name: "Landing page (paquete 7 días)", description: "Diseño, textos y publicación de una landing page en 7 días hábiles", unit: d, niche: "Web", kind: .service, uom: "paquete", price: pen(1200), cost: pen(450), rateBasis: .unit),
            CatalogItem(sku: "WEB-CORP-5P", name: "Sitio web corporativo (5 páginas)", unit: d, niche: "Web", kind: .service, uom: "paquete", price: pen(3200), cost: pen(1300), rateBasis: .unit),
            CatalogItem(sku: "WEB-TIENDA", name: "Tienda virtual con pasarela de pagos", unit: d, niche: "E-commerce", kind: .service, uom: "paquete", price: pen(6800), cost: pen(2900), rateBasis: .unit),
            CatalogItem(sku: "SEO-MENSUAL", name: "Posicionamiento SEO mensual", unit: d, niche: "SEO", kind: .subscription, uom: "mes", price: pen(900), cost: pen(350), period: .monthly),
            CatalogItem(sku: "SEO-AUDITORIA", name: "Auditoría SEO técnica", unit: d, niche: "SEO", kind: .service, uom: "informe", price: pen(800), cost: pen(250), rateBasis: .unit),
            CatalogItem(sku: "ADS-GESTION", name: "Gestión de campañas Google Ads y Meta", unit: d, niche: "Campañas", kind: .subscription, uom: "mes", price: pen(750), cost: pen(300), period: .monthly),
            CatalogItem(sku: "RRSS-PLAN", name: "Gestión de redes sociales (12 publicaciones)", unit: d, niche: "Campañas", kind: .subscription, uom: "mes", price: pen(1100), cost: pen(480), period: .monthly),
            CatalogItem(sku: "HOST-ANUAL", name: "Hosting y dominio .pe (despliegue web)", unit: d, niche: "Despliegue", kind: .subscription, uom: "año", price: pen(480), cost: pen(190), period: .annual),
            CatalogItem(sku: "LOGO-MARCA", name: "Diseño de logotipo y manual de marca", unit: d, niche: "Diseño", kind: .service, uom: "paquete", price: pen(650), cost: pen(200), rateBasis: .unit),
            CatalogItem(sku: "EMAIL-MKT", name: "Email marketing (hasta 5,000 contactos)", unit: d, niche: "Campañas", kind: .subscription, uom: "trimestre", price: pen(1350), cost: pen(500), period: .quarterly),
            // U2 Software
            CatalogItem(sku: "DEV-HORA", name: "Hora de desarrollo de software", unit: sw, niche: "Desarrollo a medida", kind: .service, uom: "hora", price: pen(120), cost: pen(55), rateBasis: .hour),
            CatalogItem(sku: "ANALISIS-HORA", name: "Hora de análisis funcional", unit: sw, niche: "Consultoría", kind: .service, uom: "hora", price: pen(140), cost: pen(65), rateBasis: .hour),
            CatalogItem(sku: "QA-HORA", name: "Hora de pruebas y control de calidad", unit: sw, niche: "Desarrollo a medida", kind: .service, uom: "hora", price: pen(90), cost: pen(40), rateBasis: .hour),
            CatalogItem(sku: "CAPACITACION-H", name: "Capacitación a usuarios (hora)", unit: sw, niche: "Consultoría", kind: .service, uom: "hora", price: pen(110), cost: pen(45), rateBasis: .hour),
            CatalogItem(sku: "INTEGRACION-API", name: "Integración con API de terceros (SUNAT, pasarelas)", unit: sw, niche: "Integraciones", kind: .service, uom: "integración", price: pen(3500), cost: pen(1500), rateBasis: .unit),
            CatalogItem(sku: "SAAS-SOPORTE", name: "Soporte y mantenimiento de software", unit: sw, niche: "SaaS", kind: .subscription, uom: "mes", price: pen(350), cost: pen(120), period: .monthly),
            CatalogItem(sku: "ERP-LIC-ANUAL", name: "Licencia ERP Bytek (por usuario)", unit: sw, niche: "SaaS", kind: .subscription, uom: "usuario", price: usd(1200), cost: usd(300), period: .annual),
            CatalogItem(sku: "APP-MOVIL", name: "App móvil Android/iOS (MVP)", unit: sw, niche: "Desarrollo a medida", kind: .service, uom: "proyecto", price: pen(18000), cost: pen(8200), rateBasis: .unit),
            // U3 Infraestructura
            CatalogItem(sku: "NAS-DS224", name: "NAS Synology DS224+ 2 bahías", unit: i, niche: "Almacenamiento", kind: .product, price: usd(420), cost: usd(340), tracksSerials: true),
            CatalogItem(sku: "NAS-DS923", name: "NAS Synology DS923+ 4 bahías", unit: i, niche: "Almacenamiento", kind: .product, price: usd(690), cost: usd(560), tracksSerials: true),
            CatalogItem(sku: "HDD-WD-4TB", name: "Disco WD Red Plus 4 TB NAS", unit: i, niche: "Almacenamiento", kind: .product, price: usd(115), cost: usd(88), tracksSerials: true),
            CatalogItem(sku: "AP-U6-LITE", name: "Access point Ubiquiti UniFi U6 Lite", unit: i, niche: "Redes", kind: .product, price: usd(129), cost: usd(98), tracksSerials: true),
            CatalogItem(sku: "AP-U6-PRO", name: "Access point Ubiquiti UniFi U6 Pro", unit: i, niche: "Redes", kind: .product, price: usd(189), cost: usd(150), tracksSerials: true),
            CatalogItem(sku: "RT-HEX-750", name: "Router MikroTik hEX RB750Gr3", unit: i, niche: "Redes", kind: .product, price: usd(69), cost: usd(52), tracksSerials: true),
            CatalogItem(sku: "FW-FG40F", name: "Firewall Fortinet FortiGate 40F", unit: i, niche: "Seguridad", kind: .product, price: usd(520), cost: usd(430), tracksSerials: true),
            CatalogItem(sku: "SW-TL-SG1024", name: "Switch TP-Link TL-SG1024 24 puertos Gigabit", unit: i, niche: "Redes", kind: .product, price: pen(520), cost: pen(410), tracksSerials: true),
            CatalogItem(sku: "UTP-CAT6-305", name: "Caja de cable UTP Cat6 305 m", unit: i, niche: "Cableado", kind: .product, uom: "caja", sunatUnit: .box, price: pen(680), cost: pen(520)),
            CatalogItem(sku: "GAB-9RU", name: "Gabinete de pared 9RU con bandeja", unit: i, niche: "Cableado", kind: .product, price: pen(450), cost: pen(330)),
            CatalogItem(sku: "PATCH-24", name: "Patch panel 24 puertos Cat6", unit: i, niche: "Cableado", kind: .product, price: pen(180), cost: pen(120)),
            CatalogItem(sku: "UPS-APC-1500", name: "UPS APC Back-UPS 1500VA", unit: i, niche: "Energía", kind: .product, price: usd(310), cost: usd(250), tracksSerials: true),
            CatalogItem(sku: "CAM-HIK-4MP", name: "Cámara IP Hikvision 4 MP domo", unit: i, niche: "Videovigilancia", kind: .product, price: pen(320), cost: pen(230), tracksSerials: true),
            CatalogItem(sku: "INST-PUNTO-RED", name: "Instalación de punto de red certificado", unit: i, niche: "Instalación", kind: .service, uom: "punto", price: pen(85), cost: pen(35), rateBasis: .unit),
            CatalogItem(sku: "TEC-HORA", name: "Hora de servicio técnico en sitio", unit: i, niche: "Instalación", kind: .service, uom: "hora", price: pen(75), cost: pen(30), rateBasis: .hour),
            CatalogItem(sku: "LEVANTAMIENTO", name: "Visita técnica de levantamiento de información", unit: i, niche: "Instalación", kind: .service, uom: "visita", price: pen(150), cost: pen(60), rateBasis: .unit),
            CatalogItem(sku: "MANT-PREV-MES", name: "Mantenimiento preventivo de red (mensual)", unit: i, niche: "Mantenimiento", kind: .subscription, uom: "mes", price: pen(450), cost: pen(180), period: .monthly),
            CatalogItem(sku: "MANT-ANUAL", name: "Contrato de mantenimiento anual de infraestructura", unit: i, niche: "Mantenimiento", kind: .subscription, uom: "año", price: pen(4800), cost: pen(2100), period: .annual),
            CatalogItem(sku: "BACKUP-GEST", name: "Respaldo gestionado en la nube (1 TB)", unit: i, niche: "Almacenamiento", kind: .subscription, uom: "mes", price: pen(260), cost: pen(110), period: .monthly),
            CatalogItem(sku: "CAPAC-EXONERADA", name: "Curso de ciberseguridad para colegios (exonerado)", unit: i, niche: "Educación", kind: .service, uom: "curso", price: pen(1500), cost: pen(600), rateBasis: .unit, taxCategory: .exonerado),
        ]
    }
}
