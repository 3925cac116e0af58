# The two commands of the README: `make demo` and `make test`. Both install the system packages first.
# `make docs` builds the DocC archives of the public library targets (swift-docc-plugin).
SWIFT ?= swift
DOC_TARGETS = TradeCreditModel TradeCreditRisk TradeCreditPricing TradeCreditClaims TradeCreditDiagnosis \
	TradeCreditHTTP TradeCreditTesting TradeCredit TradeCreditECB TradeCreditFrankfurter TradeCreditFileBureau \
	TradeCreditGLEIF TradeCreditCreditsafe TradeCreditDnB

.PHONY: demo test build docs system-packages

demo: system-packages
	$(SWIFT) build --product tradecredit
	$$($(SWIFT) build --show-bin-path)/tradecredit demo

test: system-packages
	$(SWIFT) test

build: system-packages
	$(SWIFT) build

docs: system-packages
	$(SWIFT) package generate-documentation $(addprefix --target ,$(DOC_TARGETS))

system-packages:
	@Scripts/install-system-packages
