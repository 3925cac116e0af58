import Foundation
internal import CCurl

/// Turns a finished easy handle into a response or a typed error.
enum CurlOutcome {
    static func result(of transfer: CurlTransfer, code: CURLcode) -> Result<CurlTransfer.Outcome, any Error> {
        let request = transfer.request
        guard code == CURLE_OK else {
            let (errorCode, summary) = classify(code, exceededMaximumSize: transfer.exceededMaximumSize)
            let curlText = transfer.errorMessage.isEmpty ? String(cString: curl_easy_strerror(code)) : transfer.errorMessage
            let detail = errorCode == .tooLarge
                ? "response larger than the maximum of \(transfer.maximumResponseSize) bytes"
                : "\(summary) (curl \(code.rawValue): \(curlText))"
            return .failure(HTTPError(errorCode, method: request.method, url: request.url, detail: detail,
                                      redactor: transfer.redactor))
        }
        var status = 0
        _ = ccurl_easy_getinfo_long(transfer.handle, CURLINFO_RESPONSE_CODE, &status)
        var version = 0
        _ = ccurl_easy_getinfo_long(transfer.handle, CURLINFO_HTTP_VERSION, &version)
        return .success(CurlTransfer.Outcome(status: status, headers: transfer.headers, body: transfer.body,
                                             httpVersion: versionName(version), effectiveURL: request.url))
    }

    /// The error code and a short summary for a libcurl result.
    static func classify(_ code: CURLcode, exceededMaximumSize: Bool) -> (HTTPError.Code, String) {
        if exceededMaximumSize { return (.tooLarge, "response too large") }
        switch code {
        case CURLE_URL_MALFORMAT:
            return (.invalidURL, "malformed URL")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return (.dns, "host name did not resolve")
        case CURLE_COULDNT_CONNECT:
            return (.connect, "could not connect")
        case CURLE_OPERATION_TIMEDOUT:
            return (.timeout, "timed out")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_USE_SSL_FAILED:
            return (.tls, "TLS failed")
        case CURLE_FILESIZE_EXCEEDED:
            return (.tooLarge, "response too large")
        // The client checks schemes before libcurl sees a URL, so "unsupported protocol" here is the server's
        // reply (an unknown HTTP version in the status line).
        case CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING, CURLE_HTTP2, CURLE_HTTP2_STREAM,
             CURLE_UNSUPPORTED_PROTOCOL:
            return (.protocolError, "malformed response")
        case CURLE_ABORTED_BY_CALLBACK:
            return (.cancelled, "transfer aborted")
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING:
            return (.network, "connection broke")
        default:
            return (.network, "transfer failed")
        }
    }

    static func versionName(_ version: Int) -> String? {
        switch version {
        case Int(CURL_HTTP_VERSION_1_0): return "HTTP/1.0"
        case Int(CURL_HTTP_VERSION_1_1): return "HTTP/1.1"
        case Int(CURL_HTTP_VERSION_2_0): return "HTTP/2"
        case 30: return "HTTP/3"
        default: return nil
        }
    }
}
