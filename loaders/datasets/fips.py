"""FIPS 10-4 country codes (what GDELT's `*Geo_CountryCode` columns hold) to ISO 3166-1 alpha-3.

GDELT geocodes with FIPS 10-4, not ISO: `CH` is China (ISO `CH` is Switzerland), `RS` Russia, `UP`
Ukraine, `UK` the United Kingdom, `SZ` Switzerland, `BO` Belarus. The table covers every country and
dependency in FIPS 10-4 (as last published, plus the later `OD` South Sudan, `KV` Kosovo, `RI`/`MJ`
Serbia/Montenegro and the Antilles split codes). Territories without an ISO code of their own map to
the ISO code that covers them (US minor outlying islands → UMI, French scattered islands → ATF,
Ashmore/Coral Sea → AUS, Akrotiri/Dhekelia → GBR, Clipperton → FRA, Gaza Strip/West Bank → PSE).
Disputed or oceanic areas (Paracel and Spratly Islands, oceans) have no country: they map to None.
Kosovo is `XKX` (the user-assigned code the EU and most datasets use).
"""

from __future__ import annotations

FIPS_TO_ISO3: dict[str, str | None] = {
    "AA": "ABW",  # Aruba
    "AC": "ATG",  # Antigua and Barbuda
    "AE": "ARE",  # United Arab Emirates
    "AF": "AFG",  # Afghanistan
    "AG": "DZA",  # Algeria
    "AJ": "AZE",  # Azerbaijan
    "AL": "ALB",  # Albania
    "AM": "ARM",  # Armenia
    "AN": "AND",  # Andorra
    "AO": "AGO",  # Angola
    "AQ": "ASM",  # American Samoa
    "AR": "ARG",  # Argentina
    "AS": "AUS",  # Australia
    "AT": "AUS",  # Ashmore and Cartier Islands
    "AU": "AUT",  # Austria
    "AV": "AIA",  # Anguilla
    "AX": "GBR",  # Akrotiri (UK sovereign base area)
    "AY": "ATA",  # Antarctica
    "BA": "BHR",  # Bahrain
    "BB": "BRB",  # Barbados
    "BC": "BWA",  # Botswana
    "BD": "BMU",  # Bermuda
    "BE": "BEL",  # Belgium
    "BF": "BHS",  # Bahamas
    "BG": "BGD",  # Bangladesh
    "BH": "BLZ",  # Belize
    "BK": "BIH",  # Bosnia and Herzegovina
    "BL": "BOL",  # Bolivia
    "BM": "MMR",  # Burma
    "BN": "BEN",  # Benin
    "BO": "BLR",  # Belarus
    "BP": "SLB",  # Solomon Islands
    "BQ": "UMI",  # Navassa Island
    "BR": "BRA",  # Brazil
    "BS": "ATF",  # Bassas da India
    "BT": "BTN",  # Bhutan
    "BU": "BGR",  # Bulgaria
    "BV": "BVT",  # Bouvet Island
    "BX": "BRN",  # Brunei
    "BY": "BDI",  # Burundi
    "CA": "CAN",  # Canada
    "CB": "KHM",  # Cambodia
    "CD": "TCD",  # Chad
    "CE": "LKA",  # Sri Lanka
    "CF": "COG",  # Congo (Brazzaville)
    "CG": "COD",  # Congo (Kinshasa)
    "CH": "CHN",  # China
    "CI": "CHL",  # Chile
    "CJ": "CYM",  # Cayman Islands
    "CK": "CCK",  # Cocos (Keeling) Islands
    "CM": "CMR",  # Cameroon
    "CN": "COM",  # Comoros
    "CO": "COL",  # Colombia
    "CQ": "MNP",  # Northern Mariana Islands
    "CR": "AUS",  # Coral Sea Islands
    "CS": "CRI",  # Costa Rica
    "CT": "CAF",  # Central African Republic
    "CU": "CUB",  # Cuba
    "CV": "CPV",  # Cape Verde
    "CW": "COK",  # Cook Islands
    "CY": "CYP",  # Cyprus
    "DA": "DNK",  # Denmark
    "DJ": "DJI",  # Djibouti
    "DO": "DMA",  # Dominica
    "DQ": "UMI",  # Jarvis Island
    "DR": "DOM",  # Dominican Republic
    "DX": "GBR",  # Dhekelia (UK sovereign base area)
    "EC": "ECU",  # Ecuador
    "EG": "EGY",  # Egypt
    "EI": "IRL",  # Ireland
    "EK": "GNQ",  # Equatorial Guinea
    "EN": "EST",  # Estonia
    "ER": "ERI",  # Eritrea
    "ES": "SLV",  # El Salvador
    "ET": "ETH",  # Ethiopia
    "EU": "ATF",  # Europa Island
    "EZ": "CZE",  # Czech Republic
    "FG": "GUF",  # French Guiana
    "FI": "FIN",  # Finland
    "FJ": "FJI",  # Fiji
    "FK": "FLK",  # Falkland Islands
    "FM": "FSM",  # Micronesia
    "FO": "FRO",  # Faroe Islands
    "FP": "PYF",  # French Polynesia
    "FQ": "UMI",  # Baker Island
    "FR": "FRA",  # France
    "FS": "ATF",  # French Southern and Antarctic Lands
    "GA": "GMB",  # Gambia
    "GB": "GAB",  # Gabon
    "GG": "GEO",  # Georgia
    "GH": "GHA",  # Ghana
    "GI": "GIB",  # Gibraltar
    "GJ": "GRD",  # Grenada
    "GK": "GGY",  # Guernsey
    "GL": "GRL",  # Greenland
    "GM": "DEU",  # Germany
    "GO": "ATF",  # Glorioso Islands
    "GP": "GLP",  # Guadeloupe
    "GQ": "GUM",  # Guam
    "GR": "GRC",  # Greece
    "GT": "GTM",  # Guatemala
    "GV": "GIN",  # Guinea
    "GY": "GUY",  # Guyana
    "GZ": "PSE",  # Gaza Strip
    "HA": "HTI",  # Haiti
    "HK": "HKG",  # Hong Kong
    "HM": "HMD",  # Heard Island and McDonald Islands
    "HO": "HND",  # Honduras
    "HQ": "UMI",  # Howland Island
    "HR": "HRV",  # Croatia
    "HU": "HUN",  # Hungary
    "IC": "ISL",  # Iceland
    "ID": "IDN",  # Indonesia
    "IM": "IMN",  # Isle of Man
    "IN": "IND",  # India
    "IO": "IOT",  # British Indian Ocean Territory
    "IP": "FRA",  # Clipperton Island
    "IR": "IRN",  # Iran
    "IS": "ISR",  # Israel
    "IT": "ITA",  # Italy
    "IV": "CIV",  # Cote d'Ivoire
    "IZ": "IRQ",  # Iraq
    "JA": "JPN",  # Japan
    "JE": "JEY",  # Jersey
    "JM": "JAM",  # Jamaica
    "JN": "SJM",  # Jan Mayen
    "JO": "JOR",  # Jordan
    "JQ": "UMI",  # Johnston Atoll
    "JU": "ATF",  # Juan de Nova Island
    "KE": "KEN",  # Kenya
    "KG": "KGZ",  # Kyrgyzstan
    "KN": "PRK",  # North Korea
    "KQ": "UMI",  # Kingman Reef
    "KR": "KIR",  # Kiribati
    "KS": "KOR",  # South Korea
    "KT": "CXR",  # Christmas Island
    "KU": "KWT",  # Kuwait
    "KV": "XKX",  # Kosovo
    "KZ": "KAZ",  # Kazakhstan
    "LA": "LAO",  # Laos
    "LE": "LBN",  # Lebanon
    "LG": "LVA",  # Latvia
    "LH": "LTU",  # Lithuania
    "LI": "LBR",  # Liberia
    "LO": "SVK",  # Slovakia
    "LQ": "UMI",  # Palmyra Atoll
    "LS": "LIE",  # Liechtenstein
    "LT": "LSO",  # Lesotho
    "LU": "LUX",  # Luxembourg
    "LY": "LBY",  # Libya
    "MA": "MDG",  # Madagascar
    "MB": "MTQ",  # Martinique
    "MC": "MAC",  # Macau
    "MD": "MDA",  # Moldova
    "MF": "MYT",  # Mayotte
    "MG": "MNG",  # Mongolia
    "MH": "MSR",  # Montserrat
    "MI": "MWI",  # Malawi
    "MJ": "MNE",  # Montenegro
    "MK": "MKD",  # North Macedonia
    "ML": "MLI",  # Mali
    "MN": "MCO",  # Monaco
    "MO": "MAR",  # Morocco
    "MP": "MUS",  # Mauritius
    "MQ": "UMI",  # Midway Islands
    "MR": "MRT",  # Mauritania
    "MT": "MLT",  # Malta
    "MU": "OMN",  # Oman
    "MV": "MDV",  # Maldives
    "MW": "MNE",  # Montenegro (2006 code, before MJ)
    "MX": "MEX",  # Mexico
    "MY": "MYS",  # Malaysia
    "MZ": "MOZ",  # Mozambique
    "NC": "NCL",  # New Caledonia
    "NE": "NIU",  # Niue
    "NF": "NFK",  # Norfolk Island
    "NG": "NER",  # Niger
    "NH": "VUT",  # Vanuatu
    "NI": "NGA",  # Nigeria
    "NL": "NLD",  # Netherlands
    "NN": "SXM",  # Sint Maarten
    "NO": "NOR",  # Norway
    "NP": "NPL",  # Nepal
    "NR": "NRU",  # Nauru
    "NS": "SUR",  # Suriname
    "NT": "CUW",  # Netherlands Antilles (dissolved 2010; Curacao is its largest successor)
    "NU": "NIC",  # Nicaragua
    "NZ": "NZL",  # New Zealand
    "OD": "SSD",  # South Sudan
    "PA": "PRY",  # Paraguay
    "PC": "PCN",  # Pitcairn Islands
    "PE": "PER",  # Peru
    "PF": None,   # Paracel Islands (disputed)
    "PG": None,   # Spratly Islands (disputed)
    "PK": "PAK",  # Pakistan
    "PL": "POL",  # Poland
    "PM": "PAN",  # Panama
    "PO": "PRT",  # Portugal
    "PP": "PNG",  # Papua New Guinea
    "PS": "PLW",  # Palau
    "PU": "GNB",  # Guinea-Bissau
    "QA": "QAT",  # Qatar
    "RB": "SRB",  # Serbia (2006 code, before RI)
    "RE": "REU",  # Reunion
    "RI": "SRB",  # Serbia
    "RM": "MHL",  # Marshall Islands
    "RN": "MAF",  # Saint Martin
    "RO": "ROU",  # Romania
    "RP": "PHL",  # Philippines
    "RQ": "PRI",  # Puerto Rico
    "RS": "RUS",  # Russia
    "RW": "RWA",  # Rwanda
    "SA": "SAU",  # Saudi Arabia
    "SB": "SPM",  # Saint Pierre and Miquelon
    "SC": "KNA",  # Saint Kitts and Nevis
    "SE": "SYC",  # Seychelles
    "SF": "ZAF",  # South Africa
    "SG": "SEN",  # Senegal
    "SH": "SHN",  # Saint Helena
    "SI": "SVN",  # Slovenia
    "SL": "SLE",  # Sierra Leone
    "SM": "SMR",  # San Marino
    "SN": "SGP",  # Singapore
    "SO": "SOM",  # Somalia
    "SP": "ESP",  # Spain
    "ST": "LCA",  # Saint Lucia
    "SU": "SDN",  # Sudan
    "SV": "SJM",  # Svalbard
    "SW": "SWE",  # Sweden
    "SX": "SGS",  # South Georgia and the South Sandwich Islands
    "SY": "SYR",  # Syria
    "SZ": "CHE",  # Switzerland
    "TB": "BLM",  # Saint Barthelemy
    "TD": "TTO",  # Trinidad and Tobago
    "TE": "ATF",  # Tromelin Island
    "TH": "THA",  # Thailand
    "TI": "TJK",  # Tajikistan
    "TK": "TCA",  # Turks and Caicos Islands
    "TL": "TKL",  # Tokelau
    "TN": "TON",  # Tonga
    "TO": "TGO",  # Togo
    "TP": "STP",  # Sao Tome and Principe
    "TS": "TUN",  # Tunisia
    "TT": "TLS",  # Timor-Leste
    "TU": "TUR",  # Turkey
    "TV": "TUV",  # Tuvalu
    "TW": "TWN",  # Taiwan
    "TX": "TKM",  # Turkmenistan
    "TZ": "TZA",  # Tanzania
    "UC": "CUW",  # Curacao
    "UG": "UGA",  # Uganda
    "UK": "GBR",  # United Kingdom
    "UP": "UKR",  # Ukraine
    "US": "USA",  # United States
    "UV": "BFA",  # Burkina Faso
    "UY": "URY",  # Uruguay
    "UZ": "UZB",  # Uzbekistan
    "VC": "VCT",  # Saint Vincent and the Grenadines
    "VE": "VEN",  # Venezuela
    "VI": "VGB",  # British Virgin Islands
    "VM": "VNM",  # Vietnam
    "VQ": "VIR",  # US Virgin Islands
    "VT": "VAT",  # Vatican City
    "WA": "NAM",  # Namibia
    "WE": "PSE",  # West Bank
    "WF": "WLF",  # Wallis and Futuna
    "WI": "ESH",  # Western Sahara
    "WQ": "UMI",  # Wake Island
    "WS": "WSM",  # Samoa
    "WZ": "SWZ",  # Eswatini (Swaziland)
    "YI": "SRB",  # Serbia and Montenegro (former Yugoslavia)
    "YM": "YEM",  # Yemen
    "ZA": "ZMB",  # Zambia
    "ZI": "ZWE",  # Zimbabwe
    # oceans and seas (GDELT geocodes some events to them, e.g. `Indian Ocean` as `OC`): no country
    "OC": None, "OS": None, "XO": None, "XQ": None, "ZH": None, "ZN": None,
}


def iso3_for_fips(code: str) -> str | None:
    """ISO alpha-3 code for a FIPS 10-4 country code (None for unknown codes and non-countries)."""
    return FIPS_TO_ISO3.get(code)
