"""Profiling: CV intake and text extraction (documents), then the profile built from it."""

from jobagent_core.profiling.documents import (
    DocumentKind,
    ExtractedDocument,
    ValidatedDocument,
    detect,
    extract_text,
    normalise_text,
    read_document,
    validate_upload,
    validate_uploads,
)
from jobagent_core.profiling.errors import (
    CorruptDocument,
    DocumentError,
    EmptyFile,
    EncryptedPdf,
    FileTooLarge,
    ScannedPdf,
    TooManyFiles,
    UnsupportedDocument,
)
from jobagent_core.profiling.upload_limits import MAX_FILE_BYTES, MAX_FILES

__all__ = [
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "CorruptDocument",
    "DocumentError",
    "DocumentKind",
    "EmptyFile",
    "EncryptedPdf",
    "ExtractedDocument",
    "FileTooLarge",
    "ScannedPdf",
    "TooManyFiles",
    "UnsupportedDocument",
    "ValidatedDocument",
    "detect",
    "extract_text",
    "normalise_text",
    "read_document",
    "validate_upload",
    "validate_uploads",
]
