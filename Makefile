# The two commands of the README: `make demo` and `make test`. Both install the system packages first.
SWIFT ?= swift

.PHONY: demo test build system-packages

demo: system-packages
	$(SWIFT) build --product tradecredit
	$$($(SWIFT) build --show-bin-path)/tradecredit demo

test: system-packages
	$(SWIFT) test

build: system-packages
	$(SWIFT) build

system-packages:
	@Scripts/install-system-packages
