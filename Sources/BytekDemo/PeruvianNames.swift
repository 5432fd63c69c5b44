/// Word lists for realistic Peruvian demo data: company and person names, places, streets.
enum PeruvianNames {
    static let companyPrefixes = [
        "Inversiones", "Corporación", "Grupo", "Distribuidora", "Comercial", "Servicios Generales", "Constructora",
        "Clínica", "Colegio", "Transportes", "Inmobiliaria", "Agroindustrias", "Textil", "Importaciones",
        "Consultora", "Laboratorios", "Estudio Contable", "Ferretería", "Panificadora", "Hotel", "Restaurante",
        "Logística", "Minera", "Farmacéutica", "Academia", "Cooperativa", "Negociaciones", "Química",
    ]
    static let companyCores = [
        "Andina", "del Sur", "Pacífico", "Los Olivos", "San Martín", "Inca", "Miraflores", "Amazonía", "Santa Rosa",
        "El Progreso", "Cusqueña", "Chavín", "Huascarán", "La Molina", "Titicaca", "Mochica", "Nazca", "Paracas",
        "Señor de Sipán", "Virgen de Chapi", "Los Andes", "Mistiana", "Norteña", "Chalaca", "Sol de Ica", "Qhapaq Ñan",
        "Cordillera Blanca", "Valle Sagrado", "Misti", "Tumbes", "Río Rímac", "Ucayali", "Kuélap", "Machu Picchu",
        "Pachacámac", "Caral", "Huancaína", "Marañón", "Colca", "Lurín",
    ]
    static let companySuffixes = ["S.A.C.", "S.A.C.", "S.A.C.", "S.A.", "E.I.R.L.", "S.R.L.", "S.A.A."]
    static let tradeNames = [
        "Andes Tech", "PeruNet", "Inka Data", "Llama Cloud", "Ceviche Digital", "Qori Systems", "Sumaq Web",
        "Killa Studio", "Pacha Soft", "Ayni Redes", "Wari Logistics", "Kusi Market", "Intiq Solar", "Tambo Express",
    ]
    static let firstNames = [
        "José", "María", "Luis", "Rosa", "Carlos", "Ana", "Jorge", "Carmen", "Miguel", "Lucía", "Juan", "Patricia",
        "Víctor", "Elena", "César", "Gabriela", "Raúl", "Milagros", "Óscar", "Sofía", "Martín", "Verónica",
        "Renzo", "Fiorella", "Diego", "Ángela", "Andrés", "Maricielo", "Julio", "Yesenia",
    ]
    static let surnames = [
        "Quispe", "Huamán", "Flores", "Mamani", "Rodríguez", "García", "Chávez", "Sánchez", "Ramírez", "Torres",
        "Rojas", "Mendoza", "Vargas", "Castillo", "Núñez", "Gutiérrez", "Espinoza", "Paredes", "Cáceres", "Ñahui",
        "Salazar", "Córdova", "Ayala", "Zevallos", "Villanueva", "Condori", "Huarcaya", "Ccori", "Peña", "Begazo",
    ]
    static let roles = [
        "Gerente General", "Jefe de TI", "Administradora", "Contador", "Jefa de Compras",
        "Coordinador de Marketing", "Asistente de Gerencia", "Jefe de Operaciones", "Dueño",
    ]

    /// (department, province, district, phone area code)
    static let places: [(String, String, String, String)] = [
        ("Lima", "Lima", "Miraflores", "01"), ("Lima", "Lima", "San Isidro", "01"), ("Lima", "Lima", "Santiago de Surco", "01"),
        ("Lima", "Lima", "La Molina", "01"), ("Lima", "Lima", "San Borja", "01"), ("Lima", "Lima", "Jesús María", "01"),
        ("Lima", "Lima", "Lince", "01"), ("Lima", "Lima", "Los Olivos", "01"), ("Lima", "Lima", "Ate", "01"),
        ("Lima", "Lima", "Chorrillos", "01"), ("Lima", "Lima", "Barranco", "01"), ("Lima", "Lima", "Magdalena del Mar", "01"),
        ("Lima", "Lima", "Pueblo Libre", "01"), ("Lima", "Lima", "San Miguel", "01"), ("Lima", "Lima", "Breña", "01"),
        ("Lima", "Lima", "Cercado de Lima", "01"), ("Lima", "Lima", "Independencia", "01"), ("Lima", "Lima", "Comas", "01"),
        ("Lima", "Lima", "San Juan de Lurigancho", "01"), ("Lima", "Lima", "Villa El Salvador", "01"),
        ("Lima", "Lima", "Surquillo", "01"), ("Lima", "Lima", "Lurín", "01"), ("Lima", "Huaral", "Huaral", "01"),
        ("Callao", "Callao", "Bellavista", "01"), ("Callao", "Callao", "La Perla", "01"),
        ("Arequipa", "Arequipa", "Cayma", "054"), ("Arequipa", "Arequipa", "Yanahuara", "054"),
        ("Arequipa", "Arequipa", "José Luis Bustamante y Rivero", "054"),
        ("Cusco", "Cusco", "Wanchaq", "084"), ("Cusco", "Cusco", "San Sebastián", "084"),
        ("La Libertad", "Trujillo", "Víctor Larco Herrera", "044"), ("La Libertad", "Trujillo", "Trujillo", "044"),
        ("Lambayeque", "Chiclayo", "Chiclayo", "074"), ("Piura", "Piura", "Castilla", "073"),
        ("Junín", "Huancayo", "El Tambo", "064"), ("Ica", "Ica", "Ica", "056"), ("Áncash", "Santa", "Chimbote", "043"),
        ("Puno", "Puno", "Puno", "051"), ("Loreto", "Maynas", "Iquitos", "065"), ("Tacna", "Tacna", "Tacna", "052"),
    ]
    static let streets = [
        "Av. Javier Prado Este", "Av. Arequipa", "Jr. de la Unión", "Calle Las Begonias", "Av. José Larco",
        "Av. Benavides", "Av. La Marina", "Jr. Huallaga", "Av. Ejército", "Calle Mercaderes", "Av. El Sol",
        "Av. España", "Av. Angamos Oeste", "Av. Primavera", "Av. Túpac Amaru", "Calle Los Pinos", "Av. Grau",
        "Av. Salaverry", "Jr. Ucayali", "Av. Dolores",
    ]
}
