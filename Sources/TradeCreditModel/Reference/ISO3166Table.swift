// Placeholder: replaced by the full table.
let iso3166TableCSV = """
alpha2,alpha3,numeric,user_assigned,name
FR,FRA,250,,France
DE,DEU,276,,Germany
GB,GBR,826,,United Kingdom of Great Britain and Northern Ireland
US,USA,840,,United States of America
GR,GRC,300,,Greece
XK,XKX,383,1,Kosovo
"""
