// Placeholder: replaced by the full table.
let iso4217TableCSV = """
code,numeric,minor_units,kind,withdrawn,name
EUR,978,2,national,,Euro
USD,840,2,national,,US Dollar
GBP,826,2,national,,Pound Sterling
CHF,756,2,national,,Swiss Franc
JPY,392,0,national,,Yen
KWD,414,3,national,,Kuwaiti Dinar
CLF,990,4,fund,,Unidad de Fomento
XAU,959,,preciousMetal,,Gold
CYP,196,2,national,2008-01,Cyprus Pound
"""
