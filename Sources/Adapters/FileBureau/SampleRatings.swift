extension FileRatingBureau {
    /// The sample ratings file (CSV), for the 33 sample buyers of the `TradeCredit` target's `SampleData.buyersCSV`.
    ///
    /// **Every rating here is fictional**: made up for demonstrations and tests, about fictional companies, and
    /// attributed to real bureaus' scales only to show each scale at work. Dates are as of 2026-11-27: all within the
    /// twelve months before it, except one stale rating (B018, 2025-08-14, more than 365 days old). Every buyer but
    /// the consumer B030 (who has no identifier) has a rating; B003 and B013 have two sources each. The spread gives
    /// good (B001, B006, B015), average (B004, B008, B012), poor (B007, B009, B016, B022), not-rated (B010, B028) and
    /// one in-default buyer (B005, Banque de France `P`). B031 is filed under its VAT number only, so a SIREN query
    /// finds it through the SIREN the VAT number carries.
    public static let sampleCSV = #"""
    identifiers,source,scale,rated_on,value,suggested_limit,currency,adverse
    "siren:194482246;vat:FR92194482246",creditsafe,creditsafe-international,2026-10-02,82,150000.00,EUR,
    siren:634127120,creditsafe,creditsafe-international,2026-09-15,C,40000.00,EUR,Late filing of accounts
    "siren:319720074;lei:9695009T6C9C6R8L0S74",creditsafe,creditsafe-international,2026-11-10,88,600000.00,EUR,
    siren:319720074,banque-de-france,banque-de-france-cotation,2026-06-30,3+,,,
    siren:246827349,allianz-trade,allianz-trade-grade,2026-08-20,4,120000.00,EUR,
    siren:881412514,banque-de-france,banque-de-france-cotation,2026-11-05,P,,,Redressement judiciaire opened 2026-10-28
    vat:DE829110904,dnb,dnb-failure-class,2026-07-14,1,450000.00,EUR,
    vat:DE441150940,allianz-trade,allianz-trade-grade,2026-10-19,8,,,"Payment delays reported;Loss for the 2025 financial year"
    vat:DE246407044,coface,coface-dra,2026-05-11,6,90000.00,EUR,
    vat:IT94790612529,coface,coface-dra,2026-09-01,3,50000.00,EUR,Protested bills
    vat:IT62777788746,creditsafe,creditsafe-international,2026-08-08,E,,,
    vat:ESB30728433,atradius,atradius-buyer-rating,2026-03-12,35,110000.00,EUR,
    vat:ESB97112817,atradius,atradius-buyer-rating,2026-10-30,62,60000.00,EUR,
    "vat:NL394413995B01;lei:9695004VW93BM89GPQ48",creditsafe,creditsafe-international,2026-11-02,75,300000.00,EUR,
    lei:9695004VW93BM89GPQ48,dnb,dnb-failure-class,2026-04-20,2,,,
    vat:BE0302221817,coface,coface-dra,2026-07-07,8,180000.00,EUR,
    gb-crn:08254520,creditsafe,creditsafe-international,2026-10-12,91,250000.00,GBP,
    gb-crn:08384167,creditsafe,creditsafe-international,2026-11-18,24,5000.00,GBP,County court judgment GBP 4200
    gb-crn:SC189101,creditsafe,creditsafe-international,2026-06-25,B,130000.00,GBP,
    gb-crn:NI876839,creditsafe,creditsafe-international,2025-08-14,66,60000.00,GBP,
    duns:097697236,dnb,dnb-failure-class,2026-09-28,2,600000.00,USD,
    duns:470133849,dnb,dnb-failure-class,2026-10-05,4,100000.00,USD,
    vat:PL2923092436,atradius,atradius-buyer-rating,2026-02-17,22,400000.00,PLN,
    vat:PL9371936369,atradius,atradius-buyer-rating,2026-08-31,78,,,Tax arrears
    vat:CHE725941178,allianz-trade,allianz-trade-grade,2026-09-09,2,350000.00,CHF,
    vat:SE496777290401,allianz-trade,allianz-trade-grade,2026-01-15,3,1200000.00,SEK,
    duns:199690193,coface,coface-dra,2026-06-02,9,20000000,JPY,
    provider:insurer-buyer-id:BR-450147,coface,coface-dra,2026-07-30,4,100000.00,USD,
    vat:EL732621583,coface,coface-dra,2026-04-04,5,80000.00,EUR,
    siren:542217641,banque-de-france,banque-de-france-cotation,2026-03-27,0,,,
    siren:939241519,banque-de-france,banque-de-france-cotation,2026-03-27,4,10000.00,EUR,
    vat:FR89341512226,banque-de-france,banque-de-france-cotation,2026-10-14,3,,,
    vat:CZ92145197,allianz-trade,allianz-trade-grade,2026-05-20,6,2000000.00,CZK,
    vat:DK31113543,atradius,atradius-buyer-rating,2026-11-20,48,500000.00,DKK,
    """#

    /// The bureau over ``sampleCSV``: fictional ratings of the sample buyers (see there).
    public static func sample() -> FileRatingBureau {
        do {
            return try FileRatingBureau(csv: sampleCSV, file: "sample-ratings.csv")
        } catch {
            fatalError("the embedded sample ratings are invalid: \(error)")
        }
    }
}
