import Foundation
internal import CCurl

/// Sets the options of an easy handle for one request, under the client's configuration.
struct CurlEasySetup {
    let configuration: CurlHTTPClient.Configuration

    func apply(to transfer: CurlTransfer, timeout: Duration) throws {
        let handle = transfer.handle
        let request = transfer.request
        var failed: CURLcode = CURLE_OK
        func set(_ option: CURLoption, _ value: Int) {
            let code = ccurl_easy_setopt_long(handle, option, value)
            if code != CURLE_OK, failed == CURLE_OK { failed = code }
        }
        func set(_ option: CURLoption, _ value: String) {
            let code = ccurl_easy_setopt_string(handle, option, value)
            if code != CURLE_OK, failed == CURLE_OK { failed = code }
        }

        set(CURLOPT_URL, request.url.absoluteString)
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_PROTOCOLS_STR, "http,https")
        set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        set(CURLOPT_FOLLOWLOCATION, 0)  // redirects are followed by the client, which checks each one
        set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(min(configuration.connectTimeout, timeout)))
        set(CURLOPT_TIMEOUT_MS, milliseconds(timeout))
        set(CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedLimit)
        set(CURLOPT_LOW_SPEED_TIME, max(1, Int(configuration.lowSpeedTime.components.seconds)))
        set(CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl can decode
        set(CURLOPT_HTTP_VERSION, Int(configuration.allowHTTP2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1))
        set(CURLOPT_PIPEWAIT, 1)  // wait for an HTTP/2 connection to multiplex rather than open another
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        set(CURLOPT_USERAGENT, configuration.userAgent)
        _ = ccurl_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maximumResponseSize))
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, transfer.errorBuffer)

        if let caFile = configuration.tls.caFile { set(CURLOPT_CAINFO, caFile) }
        if let pem = configuration.tls.caPEM {
            var bytes = Array(pem.utf8)
            bytes.withUnsafeMutableBytes { buffer in
                var blob = curl_blob(data: buffer.baseAddress, len: buffer.count, flags: UInt32(CURL_BLOB_COPY))
                _ = ccurl_easy_setopt_blob(handle, CURLOPT_CAINFO_BLOB, &blob)
            }
        }
        switch configuration.proxy {
        case .environment: break
        case .none: set(CURLOPT_PROXY, "")
        case .url(let proxy, let noProxy):
            set(CURLOPT_PROXY, proxy)
            if let noProxy { set(CURLOPT_NOPROXY, noProxy) }
        }

        switch request.method {
        case .get where request.body == nil:
            set(CURLOPT_HTTPGET, 1)
        case .head:
            set(CURLOPT_NOBODY, 1)
        default:
            if request.method == .post {
                set(CURLOPT_POST, 1)
            } else {
                set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
            }
            if request.body != nil || request.method == .post {
                let body = request.body ?? Data()
                _ = ccurl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                // COPYPOSTFIELDS: libcurl keeps its own copy, so the buffer may go away after the call.
                var bytes = [UInt8](body)
                bytes.append(0)  // a valid pointer even for an empty body; the size above excludes it
                bytes.withUnsafeMutableBytes { buffer in
                    _ = ccurl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, buffer.baseAddress)
                }
            }
        }

        var list: UnsafeMutablePointer<curl_slist>? = nil
        for field in request.headers where !["content-length", "host"].contains(field.name.lowercased()) {
            list = curl_slist_append(list, "\(field.name): \(field.value)")
        }
        list = curl_slist_append(list, "Expect:")  // no 100-continue round trip
        transfer.retainHeaderList(list)
        _ = ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list)

        let context = Unmanaged.passUnretained(transfer).toOpaque()
        _ = ccurl_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody)
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = ccurl_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader)
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)

        guard failed == CURLE_OK else {
            throw HTTPError(.invalidURL, method: request.method, url: request.url,
                            detail: "libcurl refused an option (\(String(cString: curl_easy_strerror(failed))))",
                            redactor: configuration.redactor)
        }
    }

    private func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}

/// libcurl's body callback: context is the unretained ``CurlTransfer`` (kept alive by the engine).
private let curlWriteBody: ccurl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

/// libcurl's header callback, one line per call; returning less than the line aborts (oversized Content-Length).
private let curlWriteHeader: ccurl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
    return transfer.exceededMaximumSize ? 0 : size * count
}
