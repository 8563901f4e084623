package demo

// Static tables the generator draws from: names, streets, cities, phone plans, e-mail
// providers and companies per country. Draws index slices; the few maps are only looked
// up by key, never iterated, so the output cannot depend on map order.

type city struct {
	Name       string
	PostLo     int      // numeric postcode range (DE/FR/ES/IT 5 digits, NL/PT 4, PL 5, SE 5)
	PostHi     int      //
	Districts  []string // GB outward codes
	Area       string   // landline area code, national, without trunk prefix (IT keeps its 0)
	Subscriber int      // landline subscriber digits after the area code
	First      string   // allowed first subscriber digits; "" means 2–8
	Belfiore   string   // IT cadastral code, for the codice fiscale
}

type country struct {
	Code      string
	Name      string
	Dial      string // country calling code
	Weight    int    // share of contacts, percent
	Currency  string
	Male      []string
	Female    []string
	Surnames  []string
	SalM      string // salutation, male
	SalF      string // salutation, female
	Streets   []string
	NumFirst  bool   // "12 High Street" rather than "Hauptstraße 12"
	NumSep    string // between street and number when the number comes last
	Cities    []city
	Mobile    []string // national mobile prefixes
	MobileLen int      // digits of a national mobile number
	Providers []string // personal e-mail domains
	Jobs      []string
}

var countries = []country{
	{
		Code: "DE", Name: "Germany", Dial: "49", Weight: 25, Currency: "EUR",
		Male:     []string{"Jürgen", "Günter", "Lukas", "Maximilian", "Jörg", "Sören", "Thomas", "Andreas", "Stefan", "Michael", "Klaus", "Uwe", "Dieter", "Jan", "Felix", "Tobias", "Björn", "Matthias", "Ralf", "Henrik"},
		Female:   []string{"Sabine", "Ingrid", "Ursula", "Anja", "Katrin", "Nina", "Lena", "Hannah", "Lea", "Birgit", "Monika", "Petra", "Julia", "Sophie", "Käthe", "Lisa", "Susanne", "Claudia", "Ines", "Renate"},
		Surnames: []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Vogel", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Jäger", "Groß", "Weiß", "Böhm", "Maaß", "Vogt"},
		SalM:     "Herr",
		SalF:     "Frau",
		Streets:  []string{"Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schillerstraße", "Goethestraße", "Lindenallee", "Am Markt", "Bergstraße", "Kirchweg", "Mühlenweg", "Friedrichstraße", "Schloßstraße", "Rosenweg", "Ringstraße", "Waldstraße"},
		NumSep:   " ",
		Cities: []city{
			{Name: "Berlin", PostLo: 10115, PostHi: 14199, Area: "30", Subscriber: 8},
			{Name: "Hamburg", PostLo: 20095, PostHi: 22769, Area: "40", Subscriber: 8},
			{Name: "München", PostLo: 80331, PostHi: 81929, Area: "89", Subscriber: 8},
			{Name: "Köln", PostLo: 50667, PostHi: 51149, Area: "221", Subscriber: 7},
			{Name: "Frankfurt am Main", PostLo: 60306, PostHi: 60599, Area: "69", Subscriber: 8},
			{Name: "Stuttgart", PostLo: 70173, PostHi: 70629, Area: "711", Subscriber: 7},
			{Name: "Düsseldorf", PostLo: 40210, PostHi: 40629, Area: "211", Subscriber: 7},
			{Name: "Leipzig", PostLo: 4103, PostHi: 4357, Area: "341", Subscriber: 7},
			{Name: "Dresden", PostLo: 1067, PostHi: 1328, Area: "351", Subscriber: 7},
			{Name: "Nürnberg", PostLo: 90402, PostHi: 90491, Area: "911", Subscriber: 7},
		},
		Mobile:    []string{"151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179"},
		MobileLen: 11,
		Providers: []string{"gmail.com", "web.de", "gmx.de", "t-online.de", "outlook.de", "posteo.de", "gmx.net"},
		Jobs:      []string{"Geschäftsführung", "Leitung Einkauf", "Vertriebsleitung", "IT-Leitung", "Buchhaltung", "Projektmanagement", "Assistenz der Geschäftsführung", "Personalwesen"},
	},
	{
		Code: "FR", Name: "France", Dial: "33", Weight: 15, Currency: "EUR",
		Male:     []string{"Jean", "Pierre", "Michel", "François", "Jérôme", "Noël", "Olivier", "Nicolas", "Julien", "Sébastien", "Antoine", "Benoît", "Théo", "Hugo", "Loïc"},
		Female:   []string{"Amélie", "Zoë", "Chloé", "Hélène", "Léa", "Gaëlle", "Céline", "Camille", "Manon", "Élodie", "Sophie", "Inès", "Margaux", "Nathalie", "Océane"},
		Surnames: []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Garnier", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "Chevalier", "Gauthier", "Rousseau", "Béranger", "Faure", "Brunet"},
		SalM:     "M.",
		SalF:     "Mme",
		Streets:  []string{"rue de la République", "avenue Victor Hugo", "boulevard Saint-Michel", "rue des Lilas", "rue du Général Leclerc", "place de la Mairie", "rue Jean Jaurès", "avenue des Tilleuls", "rue Pasteur", "chemin des Vignes"},
		NumFirst: true,
		Cities: []city{
			{Name: "Paris", PostLo: 75001, PostHi: 75020, Area: "1", Subscriber: 8},
			{Name: "Lyon", PostLo: 69001, PostHi: 69009, Area: "4", Subscriber: 8},
			{Name: "Marseille", PostLo: 13001, PostHi: 13016, Area: "4", Subscriber: 8},
			{Name: "Toulouse", PostLo: 31000, PostHi: 31500, Area: "5", Subscriber: 8},
			{Name: "Nantes", PostLo: 44000, PostHi: 44300, Area: "2", Subscriber: 8, First: "234578"},
			{Name: "Bordeaux", PostLo: 33000, PostHi: 33800, Area: "5", Subscriber: 8},
			{Name: "Lille", PostLo: 59000, PostHi: 59800, Area: "3", Subscriber: 8},
		},
		Mobile:    []string{"60", "61", "62", "64", "65", "66", "67", "68", "75", "76", "77", "78"},
		MobileLen: 9,
		Providers: []string{"gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "outlook.fr", "wanadoo.fr"},
		Jobs:      []string{"Responsable achats", "Direction commerciale", "Responsable informatique", "Direction financière", "Chef de projet", "Service comptabilité", "Gérant"},
	},
	{
		Code: "ES", Name: "Spain", Dial: "34", Weight: 10, Currency: "EUR",
		Male:     []string{"José", "Javier", "Sergio", "Íñigo", "Raúl", "Andrés", "Álvaro", "Pablo", "Jesús", "Alejandro", "Joaquín", "Rubén"},
		Female:   []string{"María", "Lucía", "Carmen", "Begoña", "Nuria", "Inés", "Marta", "Ángela", "Paula", "Rocío", "Elena", "Pilar"},
		Surnames: []string{"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Serrano", "Blanco", "Castillo", "Ortega", "Rubio", "Molina", "Ibáñez", "Peña"},
		SalM:     "Sr.",
		SalF:     "Sra.",
		Streets:  []string{"Calle Mayor", "Avenida de la Constitución", "Calle de Alcalá", "Gran Vía", "Paseo de Gracia", "Calle Real", "Plaza de España", "Calle del Sol", "Avenida de América", "Calle San Fernando"},
		NumSep:   ", ",
		Cities: []city{
			{Name: "Madrid", PostLo: 28001, PostHi: 28055, Area: "91", Subscriber: 7},
			{Name: "Barcelona", PostLo: 8001, PostHi: 8042, Area: "93", Subscriber: 7},
			{Name: "Valencia", PostLo: 46001, PostHi: 46026, Area: "96", Subscriber: 7},
			{Name: "Sevilla", PostLo: 41001, PostHi: 41020, Area: "95", Subscriber: 7},
			{Name: "Bilbao", PostLo: 48001, PostHi: 48015, Area: "94", Subscriber: 7},
			{Name: "Zaragoza", PostLo: 50001, PostHi: 50018, Area: "976", Subscriber: 6},
		},
		Mobile:    []string{"6", "71", "72", "73", "74"},
		MobileLen: 9,
		Providers: []string{"gmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net"},
		Jobs:      []string{"Responsable de compras", "Gerencia", "Jefe de proyecto", "Responsable de TI", "Administración", "Dirección comercial"},
	},
	{
		Code: "IT", Name: "Italy", Dial: "39", Weight: 10, Currency: "EUR",
		Male:     []string{"Giuseppe", "Giovanni", "Antonio", "Mario", "Luca", "Francesco", "Niccolò", "Marco", "Alessandro", "Andrea", "Matteo", "Lorenzo"},
		Female:   []string{"Giulia", "Francesca", "Chiara", "Sara", "Federica", "Elena", "Martina", "Alessia", "Valentina", "Beatrice", "Giorgia", "Ilaria"},
		Surnames: []string{"Rossi", "Russo", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "D'Angelo", "Martinelli", "Vitale", "De Santis", "Fabbri"},
		SalM:     "Sig.",
		SalF:     "Sig.ra",
		Streets:  []string{"Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele II", "Via Giuseppe Mazzini", "Piazza del Duomo", "Via Dante Alighieri", "Viale della Libertà", "Via Cavour", "Via Verdi", "Via Nazionale"},
		NumSep:   ", ",
		Cities: []city{
			{Name: "Roma", PostLo: 118, PostHi: 199, Area: "06", Subscriber: 8, Belfiore: "H501"},
			{Name: "Milano", PostLo: 20121, PostHi: 20162, Area: "02", Subscriber: 8, Belfiore: "F205"},
			{Name: "Napoli", PostLo: 80121, PostHi: 80147, Area: "081", Subscriber: 7, Belfiore: "F839"},
			{Name: "Torino", PostLo: 10121, PostHi: 10156, Area: "011", Subscriber: 7, Belfiore: "L219"},
			{Name: "Firenze", PostLo: 50121, PostHi: 50145, Area: "055", Subscriber: 7, Belfiore: "D612"},
			{Name: "Bologna", PostLo: 40121, PostHi: 40141, Area: "051", Subscriber: 7, Belfiore: "A944"},
		},
		Mobile:    []string{"320", "328", "329", "333", "334", "335", "338", "339", "340", "345", "347", "348", "349", "366", "380", "389", "392", "393"},
		MobileLen: 10,
		Providers: []string{"gmail.com", "libero.it", "virgilio.it", "alice.it", "outlook.it", "tiscali.it"},
		Jobs:      []string{"Responsabile acquisti", "Responsabile IT", "Amministrazione", "Direzione commerciale", "Project manager", "Titolare"},
	},
	{
		Code: "NL", Name: "Netherlands", Dial: "31", Weight: 10, Currency: "EUR",
		Male:     []string{"Jan", "Pieter", "Daan", "Sem", "Bram", "Thijs", "Joost", "Maarten", "Ruud", "Sjoerd", "Wouter", "Jeroen"},
		Female:   []string{"Sanne", "Femke", "Lotte", "Anouk", "Eva", "Marieke", "Ingrid", "Zoë", "Fleur", "Noor", "Esther", "Mirjam"},
		Surnames: []string{"de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "de Graaf", "van der Meer"},
		SalM:     "Dhr.",
		SalF:     "Mevr.",
		Streets:  []string{"Kerkstraat", "Dorpsstraat", "Stationsweg", "Prinsengracht", "Keizersgracht", "Molenweg", "Schoolstraat", "Julianalaan", "Wilhelminastraat", "Beatrixlaan"},
		NumSep:   " ",
		Cities: []city{
			{Name: "Amsterdam", PostLo: 1011, PostHi: 1109, Area: "20", Subscriber: 7},
			{Name: "Rotterdam", PostLo: 3011, PostHi: 3089, Area: "10", Subscriber: 7},
			{Name: "Den Haag", PostLo: 2491, PostHi: 2599, Area: "70", Subscriber: 7},
			{Name: "Utrecht", PostLo: 3511, PostHi: 3585, Area: "30", Subscriber: 7},
			{Name: "Eindhoven", PostLo: 5611, PostHi: 5658, Area: "40", Subscriber: 7},
			{Name: "Groningen", PostLo: 9711, PostHi: 9747, Area: "50", Subscriber: 7},
		},
		Mobile:    []string{"61", "62", "63", "64", "65"},
		MobileLen: 9,
		Providers: []string{"gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "outlook.com", "xs4all.nl"},
		Jobs:      []string{"Inkoopmanager", "Directeur", "Officemanager", "Hoofd ICT", "Financieel controller", "Projectleider"},
	},
	{
		Code: "PL", Name: "Poland", Dial: "48", Weight: 10, Currency: "PLN",
		Male:     []string{"Łukasz", "Paweł", "Piotr", "Krzysztof", "Tomasz", "Michał", "Jakub", "Wojciech", "Grzegorz", "Marcin", "Bartłomiej", "Andrzej"},
		Female:   []string{"Anna", "Małgorzata", "Agnieszka", "Katarzyna", "Joanna", "Magdalena", "Zofia", "Żaneta", "Ewa", "Barbara", "Dorota", "Aleksandra"},
		Surnames: []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Wróbel", "Wieczorek", "Jabłoński", "Król", "Majewski", "Stępień", "Górski"},
		SalM:     "Pan",
		SalF:     "Pani",
		Streets:  []string{"ul. Marszałkowska", "ul. Piotrkowska", "ul. Długa", "ul. Floriańska", "al. Jerozolimskie", "ul. Mickiewicza", "ul. Kościuszki", "ul. Słowackiego", "ul. Lipowa", "ul. Ogrodowa"},
		NumSep:   " ",
		Cities: []city{
			{Name: "Warszawa", PostLo: 1, PostHi: 4999, Area: "22", Subscriber: 7},
			{Name: "Kraków", PostLo: 30001, PostHi: 31999, Area: "12", Subscriber: 7},
			{Name: "Łódź", PostLo: 90001, PostHi: 94999, Area: "42", Subscriber: 7},
			{Name: "Wrocław", PostLo: 50001, PostHi: 54999, Area: "71", Subscriber: 7},
			{Name: "Poznań", PostLo: 60001, PostHi: 61999, Area: "61", Subscriber: 7},
			{Name: "Gdańsk", PostLo: 80001, PostHi: 80999, Area: "58", Subscriber: 7},
		},
		Mobile:    []string{"501", "502", "509", "511", "512", "530", "531", "570", "600", "601", "602", "660", "661", "691", "692", "720", "730", "781", "790", "880", "881"},
		MobileLen: 9,
		Providers: []string{"gmail.com", "wp.pl", "onet.pl", "o2.pl", "interia.pl"},
		Jobs:      []string{"Kierownik zakupów", "Dyrektor finansowy", "Specjalista ds. IT", "Księgowość", "Kierownik projektu", "Prezes zarządu"},
	},
	{
		Code: "GB", Name: "United Kingdom", Dial: "44", Weight: 10, Currency: "GBP",
		Male:     []string{"Oliver", "George", "Harry", "Jack", "James", "William", "Thomas", "Callum", "Rhys", "Liam", "Owen", "Alistair"},
		Female:   []string{"Olivia", "Amelia", "Isla", "Emily", "Charlotte", "Sophie", "Siobhan", "Niamh", "Eleanor", "Grace", "Freya", "Hannah"},
		Surnames: []string{"Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "Edwards", "Hughes", "Turner", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "O'Brien", "McDonald", "Khan", "Fraser"},
		SalM:     "Mr",
		SalF:     "Ms",
		Streets:  []string{"High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Queen Street", "Mill Lane", "King's Road", "Manor Road", "The Green"},
		NumFirst: true,
		Cities: []city{
			{Name: "London", Districts: []string{"SW1A", "EC1A", "N1", "E14", "SE1", "W1D", "NW3", "SW11"}, Area: "20", Subscriber: 8, First: "378"},
			{Name: "Manchester", Districts: []string{"M1", "M4", "M14", "M20"}, Area: "161", Subscriber: 7},
			{Name: "Edinburgh", Districts: []string{"EH1", "EH3", "EH10"}, Area: "131", Subscriber: 7},
			{Name: "Birmingham", Districts: []string{"B1", "B15", "B29"}, Area: "121", Subscriber: 7, First: "234567"},
			{Name: "Bristol", Districts: []string{"BS1", "BS6", "BS8"}, Area: "117", Subscriber: 7, First: "234"},
			{Name: "Leeds", Districts: []string{"LS1", "LS6", "LS17"}, Area: "113", Subscriber: 7, First: "2345"},
		},
		Mobile:    []string{"740", "741", "742", "747", "748", "751", "753", "754", "756", "757", "759", "771", "772", "773", "774", "775", "777", "780", "781", "784", "786", "787", "788", "790", "792", "794", "795", "796", "798", "799"},
		MobileLen: 10,
		Providers: []string{"gmail.com", "btinternet.com", "outlook.com", "yahoo.co.uk", "sky.com", "hotmail.co.uk"},
		Jobs:      []string{"Head of Procurement", "Finance Director", "IT Manager", "Office Manager", "Operations Director", "Managing Director"},
	},
	{
		Code: "SE", Name: "Sweden", Dial: "46", Weight: 5, Currency: "SEK",
		Male:     []string{"Lars", "Anders", "Johan", "Erik", "Per", "Karl", "Björn", "Måns", "Nils", "Gustav"},
		Female:   []string{"Åsa", "Anna", "Eva", "Karin", "Maria", "Sofia", "Ingrid", "Linnéa", "Märta", "Elin"},
		Surnames: []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Lindberg", "Lindström", "Lindqvist", "Berglund", "Åberg", "Sjöberg", "Ström", "Öberg"},
		SalM:     "Herr",
		SalF:     "Fru",
		Streets:  []string{"Drottninggatan", "Storgatan", "Kungsgatan", "Sveavägen", "Götgatan", "Vasagatan", "Östra Hamngatan", "Skolgatan"},
		NumSep:   " ",
		Cities: []city{
			{Name: "Stockholm", PostLo: 11120, PostHi: 11899, Area: "8", Subscriber: 7},
			{Name: "Göteborg", PostLo: 41101, PostHi: 41899, Area: "31", Subscriber: 7},
			{Name: "Malmö", PostLo: 21111, PostHi: 21799, Area: "40", Subscriber: 6},
			{Name: "Uppsala", PostLo: 75220, PostHi: 75759, Area: "18", Subscriber: 6},
		},
		Mobile:    []string{"70", "72", "73", "76", "79"},
		MobileLen: 9,
		Providers: []string{"gmail.com", "telia.com", "hotmail.se", "outlook.com", "bredband.net"},
		Jobs:      []string{"Inköpschef", "Ekonomichef", "IT-chef", "Projektledare", "VD"},
	},
	{
		Code: "PT", Name: "Portugal", Dial: "351", Weight: 5, Currency: "EUR",
		Male:     []string{"João", "José", "António", "Francisco", "Tiago", "Gonçalo", "Rui", "Duarte", "Nuno", "Simão"},
		Female:   []string{"Maria", "Ana", "Inês", "Beatriz", "Leonor", "Mariana", "Conceição", "Joana", "Sofia", "Matilde"},
		Surnames: []string{"Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Magalhães", "Araújo", "Simões"},
		SalM:     "Sr.",
		SalF:     "Sra.",
		Streets:  []string{"Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Rua do Ouro", "Rua das Flores", "Rua da Boavista", "Avenida da República", "Travessa do Carmo"},
		NumSep:   ", ",
		Cities: []city{
			{Name: "Lisboa", PostLo: 1000, PostHi: 1998, Area: "21", Subscriber: 7},
			{Name: "Porto", PostLo: 4000, PostHi: 4369, Area: "22", Subscriber: 7},
			{Name: "Braga", PostLo: 4700, PostHi: 4719, Area: "253", Subscriber: 6},
			{Name: "Coimbra", PostLo: 3000, PostHi: 3049, Area: "239", Subscriber: 6},
		},
		Mobile:    []string{"91", "92", "93", "96"},
		MobileLen: 9,
		Providers: []string{"gmail.com", "sapo.pt", "hotmail.com", "outlook.pt", "netcabo.pt"},
		Jobs:      []string{"Responsável de compras", "Diretor financeiro", "Gestor de projeto", "Responsável de TI", "Contabilidade", "Sócio-gerente"},
	},
}

// Job titles of the children planted for CNS-07 (members of a youth sports club).
var youthTitles = map[string]string{"DE": "Jugendspieler", "NL": "Jeugdlid", "PL": "Zawodnik junior"}

type accountSeed struct {
	Country, Name, Domain, Industry string
	Club                            bool   // youth sports club: the planted children belong here
	City                            string // fixed city, or "" for any city of the country
}

// The 40 customer companies.
var accountSeeds = []accountSeed{
	{"DE", "Müller & Söhne Maschinenbau GmbH", "mueller-maschinenbau.de", "Manufacturing", false, ""},
	{"DE", "Schneider Logistik GmbH", "schneider-logistik.de", "Logistics", false, ""},
	{"DE", "Bäckerei Krüger KG", "baeckerei-krueger.de", "Food & Beverage", false, ""},
	{"DE", "Hoffmann Elektrotechnik AG", "hoffmann-elektro.de", "Electrical Engineering", false, ""},
	{"DE", "Weber Steuerberatung", "weber-stb.de", "Professional Services", false, ""},
	{"DE", "Grünwald Immobilien GmbH", "gruenwald-immobilien.de", "Real Estate", false, ""},
	{"DE", "Fischer Medizintechnik GmbH", "fischer-medtech.de", "Medical Devices", false, ""},
	{"DE", "TSV Eintracht Lindenau e.V.", "tsv-lindenau.de", "Sports Club", true, "Leipzig"},
	{"FR", "Boulangeries Dupont SARL", "boulangeries-dupont.fr", "Food & Beverage", false, ""},
	{"FR", "Transports Lefèvre SAS", "transports-lefevre.fr", "Logistics", false, ""},
	{"FR", "Atelier Girard & Fils", "atelier-girard.fr", "Manufacturing", false, ""},
	{"FR", "Cabinet Moreau Avocats", "moreau-avocats.fr", "Legal", false, ""},
	{"FR", "Hôtellerie Bonnet SA", "hotellerie-bonnet.fr", "Hospitality", false, ""},
	{"FR", "Énergies Rousseau SAS", "energies-rousseau.fr", "Energy", false, ""},
	{"ES", "Logística Ibérica S.L.", "logistica-iberica.es", "Logistics", false, ""},
	{"ES", "Construcciones Navarro S.A.", "construcciones-navarro.es", "Construction", false, ""},
	{"ES", "Bodegas Domínguez S.L.", "bodegas-dominguez.es", "Food & Beverage", false, ""},
	{"ES", "Clínica Dental Ortega S.L.", "clinica-ortega.es", "Healthcare", false, ""},
	{"IT", "Rossi Arredamenti S.r.l.", "rossi-arredamenti.it", "Furniture", false, ""},
	{"IT", "Colombo Impianti S.p.A.", "colombo-impianti.it", "Engineering", false, ""},
	{"IT", "Studio Bianchi Commercialisti", "studiobianchi.it", "Professional Services", false, ""},
	{"IT", "Pasticceria Greco S.r.l.", "pasticceria-greco.it", "Food & Beverage", false, ""},
	{"NL", "Van Dijk Installatietechniek B.V.", "vandijk-installatie.nl", "Construction", false, ""},
	{"NL", "Bakker Transport B.V.", "bakkertransport.nl", "Logistics", false, ""},
	{"NL", "De Vries Advies", "devries-advies.nl", "Consulting", false, ""},
	{"NL", "Jeugdvoetbal Oranje Leeuwen", "oranjeleeuwen.nl", "Sports Club", true, "Utrecht"},
	{"PL", "Kowalski Budownictwo Sp. z o.o.", "kowalski-budownictwo.pl", "Construction", false, ""},
	{"PL", "Nowak Transport Sp. z o.o.", "nowak-transport.pl", "Logistics", false, ""},
	{"PL", "Wiśniewski Meble S.A.", "wisniewski-meble.pl", "Furniture", false, ""},
	{"PL", "KS Błękitni Kraków", "blekitni-krakow.pl", "Sports Club", true, "Kraków"},
	{"GB", "Thompson & Clarke Ltd", "thompsonclarke.co.uk", "Professional Services", false, ""},
	{"GB", "Harris Engineering plc", "harris-engineering.co.uk", "Engineering", false, ""},
	{"GB", "Green Valley Farms Ltd", "greenvalleyfarms.co.uk", "Agriculture", false, ""},
	{"GB", "Patel Pharmacy Group Ltd", "patelpharmacy.co.uk", "Healthcare", false, ""},
	{"SE", "Lindqvist Bygg AB", "lindqvistbygg.se", "Construction", false, ""},
	{"SE", "Nordström Design AB", "nordstromdesign.se", "Design", false, ""},
	{"SE", "Sjöberg Logistik AB", "sjoberglogistik.se", "Logistics", false, ""},
	{"PT", "Ferreira & Filhos Lda.", "ferreirafilhos.pt", "Manufacturing", false, ""},
	{"PT", "Vinhos Almeida S.A.", "vinhosalmeida.pt", "Food & Beverage", false, ""},
	{"PT", "Costa Turismo Lda.", "costaturismo.pt", "Hospitality", false, ""},
}

// The CRM operator itself (decoy data: company, not personal).
const (
	ownCompany = "Nordlicht Handels GmbH" // the controller in gdprscan.yaml
	ownDomain  = "nordlicht-handel.de"
	ownAddress = "Hauptstraße 1, 10115 Berlin"
	ownPhone   = "+493012345670"
)

var healthValues = []string{
	"diabetes type 2", "asthma", "pregnant", "wheelchair user", "Allergie: Nüsse",
	"Diabetes Typ 1", "epilepsy", "coeliac disease", "allergie aux arachides", "hipertensión",
	"celiachia", "migraine", "hearing impaired", "depression", "Laktoseintoleranz",
	"cukrzyca", "astma", "multiple sclerosis", "visually impaired", "Bluthochdruck",
}

var leadSources = []string{"web_form", "trade_fair", "referral", "linkedin", "cold_call", "webinar", "partner"}

var leadCompanySuffix = map[string][]string{
	"DE": {"GmbH", "AG", "KG", "GmbH & Co. KG"},
	"FR": {"SARL", "SAS", "SA"},
	"ES": {"S.L.", "S.A."},
	"IT": {"S.r.l.", "S.p.A."},
	"NL": {"B.V."},
	"PL": {"Sp. z o.o.", "S.A."},
	"GB": {"Ltd", "plc"},
	"SE": {"AB"},
	"PT": {"Lda.", "S.A."},
}

var leadCompanyTrade = []string{"Consulting", "Logistics", "Systems", "Trading", "Engineering", "Media", "Solutions", "Services", "Partners", "Digital"}

// Products with their category (decoy table: SKUs and versions look like ids and IPs).
var productBases = [][2]string{
	{"CRM Connector", "Software"}, {"Analytics Add-on", "Software"}, {"Mail Sync", "Software"},
	{"Data Import Tool", "Software"}, {"Support Plan", "Service"}, {"Onboarding Workshop", "Training"},
	{"Field Service App", "Software"}, {"Barcode Scanner", "Hardware"}, {"Label Printer", "Hardware"},
	{"API Access", "Service"}, {"Reporting Suite", "Software"}, {"Telephony Bridge", "Hardware"},
	{"Calendar Sync", "Software"}, {"Document Vault", "Service"}, {"Survey Module", "Software"},
	{"Partner Portal", "Service"}, {"Quote Builder", "Software"}, {"Admin Training", "Training"},
	{"Lead Scoring", "Software"}, {"Backup Service", "Service"},
}

var productEditions = []string{"Basic", "Pro", "Enterprise"}

var countryNames = [][2]string{
	{"AT", "Austria"}, {"BE", "Belgium"}, {"BG", "Bulgaria"}, {"CH", "Switzerland"}, {"CY", "Cyprus"},
	{"CZ", "Czechia"}, {"DE", "Germany"}, {"DK", "Denmark"}, {"EE", "Estonia"}, {"ES", "Spain"},
	{"FI", "Finland"}, {"FR", "France"}, {"GB", "United Kingdom"}, {"GR", "Greece"}, {"HR", "Croatia"},
	{"HU", "Hungary"}, {"IE", "Ireland"}, {"IT", "Italy"}, {"LT", "Lithuania"}, {"LU", "Luxembourg"},
	{"LV", "Latvia"}, {"MT", "Malta"}, {"NL", "Netherlands"}, {"NO", "Norway"}, {"PL", "Poland"},
	{"PT", "Portugal"}, {"RO", "Romania"}, {"SE", "Sweden"}, {"SI", "Slovenia"}, {"SK", "Slovakia"},
	{"US", "United States"},
}

// Free-text notes. Neutral notes hold no digits, e-mail addresses or health words.
var neutralNotes = []string{
	"Called about renewal, will follow up next week.",
	"Sent the updated quote, waiting for procurement sign-off.",
	"Interested in the analytics add-on; schedule a demo.",
	"Budget frozen until next quarter.",
	"Asked for references from customers in the same industry.",
	"Meeting went well, decision expected by the end of the month.",
	"Prefers communication in writing.",
	"Forwarded the contract draft to legal.",
	"Rückruf wegen Vertragsverlängerung vereinbart.",
	"Angebot verschickt, Entscheidung fällt im nächsten Quartal.",
	"Interesse an einer Schulung für das ganze Team.",
	"Hat nach Rabatt für einen Mehrjahresvertrag gefragt.",
	"Ansprechpartner wechselt, neue Zuständigkeit klären.",
	"Devis envoyé, relance prévue vendredi.",
	"Souhaite une démonstration pour son équipe.",
	"Renouvellement à discuter avec la direction financière.",
	"Enviada la propuesta, esperan aprobación del comité.",
	"Interesado en ampliar licencias el próximo trimestre.",
	"Richiesta offerta per il rinnovo annuale.",
	"Preferisce essere contattato per iscritto.",
	"Offerte verstuurd, beslissing na de zomer.",
	"Wil graag een demo voor het hele team.",
	"Wysłano ofertę, czekamy na decyzję zarządu.",
	"Prosi o kontakt po wakacjach.",
	"Skickade offert, återkommer efter semestern.",
	"Enviada proposta, aguardam aprovação da direção.",
	"Happy with support response times, no open issues.",
	"Wants to move the kickoff to after the trade fair.",
}

// Notes with the contact's private e-mail address (%s), by country; "" is the fallback.
var emailNotes = map[string][]string{
	"":   {"Prefers to be reached on a private address: %s.", "Please use %s for anything urgent."},
	"DE": {"Neue private E-Mail: %s – bitte im System aktualisieren."},
	"FR": {"Nouvelle adresse e-mail perso : %s"},
	"ES": {"Ha cambiado de correo, ahora usa %s."},
	"IT": {"Scrive solo dalla mail personale %s."},
	"NL": {"Nieuw e-mailadres: %s"},
	"PL": {"Prosi o kontakt na prywatny adres %s."},
}

// Notes with the contact's private mobile number, spaced as people type it (%s).
var phoneNotes = map[string][]string{
	"":   {"Call back on the mobile %s after the board meeting.", "Ring on %s rather than the switchboard."},
	"DE": {"Private Handynummer: %s, nur abends erreichbar."},
	"FR": {"Mobile direct : %s, ne pas appeler le matin."},
	"IT": {"Numero diretto: %s, chiedere di lei."},
	"NL": {"Nieuw mobiel nummer: %s."},
	"PL": {"Nowy numer telefonu: %s."},
	"ES": {"Llamar al móvil %s por la tarde."},
}

// Notes with a health term (and nothing else personal).
var healthNotes = []string{
	"Mentioned she is pregnant and will be on maternity leave from the summer.",
	"Ist Diabetiker, beim Firmenessen auf zuckerfreie Optionen achten.",
	"En arrêt maladie pour dépression, ne pas relancer avant son retour.",
	"Usa silla de ruedas: reservar sala accesible en planta baja.",
	"Ha avuto un intervento chirurgico, rientra in ufficio il mese prossimo.",
	"Recovering from cancer treatment, keep calls short.",
}

var activitySubjects = map[string][]string{
	"email":     {"Re: Your quote", "Follow-up after our call", "Contract renewal", "Invoice question", "Product update", "Welcome to Nordlicht"},
	"call":      {"Discovery call", "Renewal call", "Support escalation", "Pricing discussion", "Check-in call"},
	"meeting":   {"Quarterly business review", "Product demo", "Onboarding session", "Contract negotiation", "Kickoff meeting"},
	"web_visit": {"Visited /pricing", "Visited /features", "Downloaded whitepaper", "Visited /contact", "Read blog: data retention", "Visited /integrations"},
}

var activityTypes = []string{"email", "call", "meeting", "web_visit"}

// IPv4 first octets of large European access networks, and IPv6 /32 prefixes.
var ipv4FirstOctets = []byte{2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109, 151, 176, 178, 188, 212, 213, 217}

var ipv6Prefixes = [][4]byte{{0x20, 0x03, 0x00, 0xe6}, {0x2a, 0x01, 0x0c, 0xb0}, {0x2a, 0x02, 0x09, 0x08}, {0x2a, 0x02, 0x81, 0x0d}, {0x2a, 0x02, 0xa2, 0x10}, {0x2a, 0x00, 0x20, 0x20}}

var userRoles = []string{"admin", "admin", "manager", "manager", "sales", "sales", "sales", "sales", "sales", "sales", "sales", "sales", "sales", "sales", "support", "support", "support", "support", "support", "support", "marketing", "marketing", "marketing", "marketing", "marketing"}

var plaintextPasswords = []string{"Summer2023!", "Passwort123", "Welcome1!", "nordlicht#2022"}
var md5Passwords = []string{"Winter2022", "qwertz123", "Berlin2021!", "crmadmin"}
var sha1Passwords = []string{"Sommer2020", "Letmein!42"}
