# The Debian package: `cpack -G DEB` in a build folder (tests/packaging/install_test.sh builds one,
# unpacks it into a scratch root and runs it). Library dependencies come from dpkg-shlibdeps; the
# OCR language data is a package of its own that the program needs at run time.
set(CPACK_PACKAGE_NAME colophon)
set(CPACK_PACKAGE_VENDOR "colophon maintainers")
set(CPACK_PACKAGE_CONTACT "colophon maintainers <maintainers@colophon.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "convert published HTML and PDF documents to TEI and BagIt archival packages")
set(CPACK_PACKAGE_DESCRIPTION
    "colophon converts what institutions publish (saved web pages, born-digital and scanned PDFs, page images) into\n schema-valid TEI XML, clean text and JSON, and wraps originals and results into BagIt packages with\n METS/PREMIS preservation metadata. Batch conversion of whole catalogues is parallel and resumable.")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # the dev preset builds with debug information: 10x the size
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_LICENSE Apache-2.0)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(COLOPHON_WITH_OCR)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "tesseract-ocr-eng")
  # --lang auto (the default) reads a page in its own script: osd tells the script, the script's
  # pack reads it; a missing pack is a warning, not a failure, so these are recommended, not needed.
  # The Hunspell dictionaries decide line-end hyphens in their languages (loaded only when needed).
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
      "tesseract-ocr-osd, tesseract-ocr-rus, tesseract-ocr-bel, tesseract-ocr-ukr, tesseract-ocr-ell, \
tesseract-ocr-jpn, tesseract-ocr-chi-sim, tesseract-ocr-chi-tra, tesseract-ocr-kor, tesseract-ocr-heb, \
tesseract-ocr-ara, hunspell-en-us, hunspell-ru, hunspell-be, hunspell-uk, hunspell-de-de, hunspell-fr, \
hunspell-es, hunspell-pl")
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "tesseract-ocr-all")
endif()
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
include(CPack)
