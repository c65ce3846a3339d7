/* Generated from the Links server's OpenAPI document by `npm run generate --workspace @links/sdk`. Do not edit. */

export interface paths {
    "/api/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Whoami"];
                        };
                    };
                };
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    type?: "asset" | "liability" | "equity" | "revenue" | "expense";
                    is_active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Account"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        /** @enum {string} */
                        type: "asset" | "liability" | "equity" | "revenue" | "expense";
                        /** @enum {string} */
                        currency?: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                        parent_code?: string;
                        description?: string;
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Account"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Account"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string | null;
                        is_active?: boolean;
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Account"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        trace?: never;
    };
    "/api/v1/accounts/{code}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                    currency?: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                    include_children?: "true" | "false";
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AccountBalance"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{code}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    cursor?: string;
                    from?: string;
                    to?: string;
                    currency?: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                    /** @description one party's statement: a customer's Links id, source_system:source_id, or a party of your own */
                    subledger_account?: string;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["StatementLine"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subledgers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Subledger"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        control_account: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Subledger"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subledgers/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Subledger"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subledgers/{code}/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    as_of?: string;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubledgerBalances"];
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journal-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    cursor?: string;
                    account?: string;
                    from?: string;
                    to?: string;
                    reference?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["JournalEntry"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2026-11-30
                         */
                        date: string;
                        description: string;
                        /** @enum {string} */
                        currency: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                        reference?: string;
                        lines: {
                            account: string;
                            debit?: string;
                            credit?: string;
                            subledger_account?: string;
                            dimensions?: {
                                [key: string]: string;
                            };
                            memo?: string;
                        }[];
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["JournalEntry"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journal-entries/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entries: {
                            /**
                             * Format: date
                             * @example 2026-11-30
                             */
                            date: string;
                            description: string;
                            /** @enum {string} */
                            currency: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                            reference?: string;
                            lines: {
                                account: string;
                                debit?: string;
                                credit?: string;
                                subledger_account?: string;
                                dimensions?: {
                                    [key: string]: string;
                                };
                                memo?: string;
                            }[];
                            metadata?: {
                                [key: string]: unknown;
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                entries: components["schemas"]["JournalEntry"][];
                            };
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journal-entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["JournalEntry"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journal-entries/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2026-11-30
                         */
                        date?: string;
                        description?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["JournalEntry"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Period"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/periods/{period}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        force?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Period"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/periods/{period}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    period: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Period"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/trial-balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                    currency?: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["TrialBalance"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/balance-sheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                    currency?: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["BalanceSheet"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/income-statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    currency?: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["IncomeStatement"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chart-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ChartTemplate"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chart-templates/{name}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never> | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AppliedChartTemplate"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AppliedChartTemplate"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/ar-aging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                    account?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ReceivablesAging"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/periods/{year}/close-year": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        retained_earnings_account?: string;
                        force?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["YearEnd"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/periods/{year}/reopen-year": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never> | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["YearEnd"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AuditEvent"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    from?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["LedgerVerification"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/customer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedCustomerCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedCustomer"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedCustomer"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedContactCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContact"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContact"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedInvoiceCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedInvoice"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedInvoice"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedPaymentCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedPayment"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedPayment"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedContractCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContract"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContract"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/product": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedProductCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedProduct"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedProduct"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/opportunity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedOpportunityCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedOpportunity"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedOpportunity"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    source_system?: string;
                    source_id?: string;
                    include_deleted?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedCustomer"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    source_system?: string;
                    source_id?: string;
                    include_deleted?: "true" | "false";
                    unified_customer_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContact"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    source_system?: string;
                    source_id?: string;
                    include_deleted?: "true" | "false";
                    unified_customer_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedInvoice"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    source_system?: string;
                    source_id?: string;
                    include_deleted?: "true" | "false";
                    unified_customer_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedPayment"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    source_system?: string;
                    source_id?: string;
                    include_deleted?: "true" | "false";
                    unified_customer_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContract"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    source_system?: string;
                    source_id?: string;
                    include_deleted?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedProduct"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/opportunities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    source_system?: string;
                    source_id?: string;
                    include_deleted?: "true" | "false";
                    unified_customer_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedOpportunity"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/customer/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedCustomer"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedCustomerUpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedCustomer"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedCustomer"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/contact/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContact"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedContactUpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContact"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContact"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/invoice/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedInvoice"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedInvoiceUpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedInvoice"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedInvoice"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/payment/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedPayment"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedPaymentUpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedPayment"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedPayment"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/contract/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContract"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedContractUpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContract"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedContract"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/product/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedProduct"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedProductUpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedProduct"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedProduct"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/opportunity/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedOpportunity"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UnifiedOpportunityUpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedOpportunity"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["UnifiedOpportunity"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unified/customer/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["CustomerBalance"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounting-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AccountingRule"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounting-rules/{event}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    event: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AccountingRule"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    event: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        debit_account?: string;
                        credit_account?: string;
                        conditions?: components["schemas"]["RuleConditionInput"][];
                        description_template?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AccountingRule"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounting-rules/{event}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    event: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        record: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        record_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["RulePreview"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/external-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ExternalConnection"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ExternalConnectionCreateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ExternalConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/external-connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ExternalConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ExternalConnectionUpdateInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ExternalConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/external-connections/{id}/mapping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConnectionMappingInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ExternalConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/external-connections/{id}/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SourceColumns"];
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/external-connections/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["SyncReport"];
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobSingle"];
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounting/exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    model?: "customer" | "contact" | "invoice" | "payment" | "contract" | "product" | "opportunity";
                    code?: "unknown_account" | "inactive_account" | "currency_mismatch" | "subledger_account_required" | "period_closed" | "invalid_request" | "invalid_amount" | "unbalanced_entry";
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccountingExceptionList"];
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journal-entry-drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                    cursor?: string;
                    status?: "pending_approval" | "approved" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["JournalEntryDraft"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @example 2026-11-30
                         */
                        date: string;
                        description: string;
                        /** @enum {string} */
                        currency: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                        reference?: string;
                        lines: {
                            account: string;
                            debit?: string;
                            credit?: string;
                            subledger_account?: string;
                            dimensions?: {
                                [key: string]: string;
                            };
                            memo?: string;
                        }[];
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["JournalEntryDraft"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journal-entry-drafts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["JournalEntryDraft"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journal-entry-drafts/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": Record<string, never> | null;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["JournalEntry"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/journal-entry-drafts/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["JournalEntryDraft"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mcp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: {
                    /** @description The API key, for clients that cannot send a header (Claude custom connectors); prefer Authorization. */
                    apiKey?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["McpMessageInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["McpAnswer"];
                    };
                };
                /** @description A notification or response was accepted. */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: string;
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["GlConnection"][];
                            page: number;
                            limit: number;
                            totalPages: number;
                            totalResults: number;
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        provider: "xero" | "webhook";
                        name: string;
                        /** @description webhook: {url}; xero: {client_id, client_secret} (custom connection) or {client_id, client_secret, grant: "authorization_code", redirect_uri} (redirect_uri: this environment's /api/v1/gl-connections/oauth-callback, as registered in the Xero app). Stored encrypted; never returned. */
                        credentials: {
                            [key: string]: string;
                        };
                        settings?: {
                            /**
                             * Format: date
                             * @description entries dated before it are never sent (default: the day the connection is created)
                             * @example 2026-11-30
                             */
                            start_date?: string;
                            /** @enum {string} */
                            summarize?: "none" | "daily" | "monthly";
                            paused?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["CreatedGlConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["GlConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["GlConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        settings?: {
                            /**
                             * Format: date
                             * @description entries dated before it are never sent (default: the day the connection is created)
                             * @example 2026-11-30
                             */
                            start_date?: string;
                            /** @enum {string} */
                            summarize?: "none" | "daily" | "monthly";
                            paused?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["GlConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        trace?: never;
    };
    "/api/v1/gl-connections/{id}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ErpAccount"][];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections/{id}/mapping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GlMappingInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["GlConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "sending" | "confirmed" | "failed" | "uncertain";
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GlTransferList"];
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections/{id}/transfers/{transfer_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    transfer_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["GlTransfer"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobSingle"];
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections/{id}/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    as_of?: string;
                    currency?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["GlReconciliation"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["GlRotatedSecret"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounting/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AccountingRunRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobSingle"];
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    kind?: "accounting_run" | "connection_sync" | "gl_run";
                    status?: "queued" | "running" | "succeeded" | "failed";
                    limit?: string;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobList"];
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobSingle"];
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections/{id}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ConnectedGlConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                401: components["responses"]["Unauthenticated"];
                403: components["responses"]["Forbidden"];
                404: components["responses"]["NotFound"];
                409: components["responses"]["Conflict"];
                413: components["responses"]["PayloadTooLarge"];
                422: components["responses"]["Unprocessable"];
                429: components["responses"]["RateLimited"];
                503: components["responses"]["Unavailable"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gl-connections/oauth-callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query: {
                    state: string;
                    code?: string;
                    error?: string;
                    error_description?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ConnectedGlConnection"];
                        };
                    };
                };
                400: components["responses"]["InvalidRequest"];
                404: components["responses"]["NotFound"];
                503: components["responses"]["Unavailable"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RuleConditionInput: {
            field: string;
            /** @enum {string} */
            operator: "equals" | "not_equals" | "in" | "not_in" | "present" | "absent";
            values?: string[];
        };
        ConnectionMappingInput: {
            /** @enum {string} */
            model: "customer" | "contact" | "invoice" | "payment" | "contract" | "product" | "opportunity";
            source_system?: string;
            fields: {
                [key: string]: string;
            };
            defaults?: {
                [key: string]: string | number | boolean;
            };
        };
        McpPublicationInput: {
            enabled: boolean;
            /** @description default: from the connection name; the tool is named source_<tool_name> */
            tool_name?: string;
            /** @description what the agent is told the source holds */
            description?: string;
        };
        ExternalConnectionCreateInput: {
            name: string;
            /** @enum {string} */
            type: "csv" | "postgres";
            csv?: string;
            /** @description stored encrypted; never returned */
            connection_string?: string;
            table?: string;
            query?: string;
            mapping?: components["schemas"]["ConnectionMappingInput"];
            mcp?: components["schemas"]["McpPublicationInput"];
        };
        ExternalConnectionUpdateInput: {
            name?: string;
            csv?: string;
            /** @description stored encrypted; never returned */
            connection_string?: string;
            table?: string;
            query?: string;
            mapping?: components["schemas"]["ConnectionMappingInput"];
            mcp?: components["schemas"]["McpPublicationInput"];
        };
        /** @description One JSON-RPC 2.0 message of the Model Context Protocol (docs/mcp.md). */
        McpMessageInput: {
            /** @constant */
            jsonrpc: "2.0";
            method?: string;
            id?: string | number | null;
        } & {
            [key: string]: unknown;
        };
        GlMappingInput: {
            accounts: {
                [key: string]: string;
            };
            dimensions?: {
                [key: string]: string;
            };
        };
        AccountingRunRequestInput: {
            /** @enum {string} */
            mode: "retry" | "reaccount";
            /** @enum {string} */
            model?: "customer" | "contact" | "invoice" | "payment" | "contract" | "product" | "opportunity";
            /** Format: date */
            from?: string;
            /** Format: date */
            to?: string;
        };
        UnifiedCustomerCreateInput: {
            email: string;
            name: string;
            address_line1?: string;
            address_line2?: string;
            address_city?: string;
            address_country?: string;
            address_state?: string;
            address_postal_code?: string;
            shipping_address_line1?: string;
            shipping_address_line2?: string;
            shipping_address_city?: string;
            shipping_address_country?: string;
            shipping_address_state?: string;
            shipping_address_postal_code?: string;
            phone?: string;
            source_system?: string;
            source_system_img_url?: string;
            source_id?: string;
            external_system_provider_id?: string;
            external_system_config_id?: string;
            external_system_data?: {
                [key: string]: unknown;
            };
            supporting_data_definition_id?: string;
            is_primary?: boolean;
            /** Format: date-time */
            source_data_created_at?: string;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedContactCreateInput: {
            email: string;
            first_name: string;
            last_name?: string;
            phone?: string;
            mobile_phone?: string;
            fax?: string;
            address?: string;
            city?: string;
            country?: string;
            state?: string;
            zip?: string;
            position?: string;
            unified_customer_id?: string;
            source_system_customer_id?: string;
            source_system?: string;
            source_system_img_url?: string;
            source_id?: string;
            external_system_provider_id?: string;
            external_system_config_id?: string;
            external_system_data?: {
                [key: string]: unknown;
            };
            supporting_data_definition_id?: string;
            is_primary?: boolean;
            /** Format: date-time */
            source_data_created_at?: string;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedInvoiceCreateInput: {
            /** @example 1200.00 */
            amount_due?: string;
            /** @example 1200.00 */
            amount_paid?: string;
            /** @example 1200.00 */
            amount_remaining?: string;
            /** @example 1200.00 */
            amount_overpaid?: string;
            /** @enum {string} */
            currency?: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
            status?: string;
            description?: string;
            /** @example 2026-11-30 */
            due_date?: string;
            /** @example 2026-11-30 */
            effective_date?: string;
            /** @example 2026-11-30 */
            period_start?: string;
            /** @example 2026-11-30 */
            period_end?: string;
            unified_customer_id?: string;
            source_system_customer_id?: string;
            lines?: {
                description?: string;
                /** @example 1200.00 */
                amount: string;
                product_id?: string;
                revenue_account?: string;
            }[];
            source_system?: string;
            source_system_img_url?: string;
            source_id?: string;
            external_system_provider_id?: string;
            external_system_config_id?: string;
            external_system_data?: {
                [key: string]: unknown;
            };
            supporting_data_definition_id?: string;
            is_primary?: boolean;
            /** Format: date-time */
            source_data_created_at?: string;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedPaymentCreateInput: {
            /** @example 1200.00 */
            amount?: string;
            /** @enum {string} */
            currency?: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
            status?: string;
            description?: string;
            unified_customer_id?: string;
            source_system_customer_id?: string;
            unified_invoice_id?: string;
            source_system?: string;
            source_system_img_url?: string;
            source_id?: string;
            external_system_provider_id?: string;
            external_system_config_id?: string;
            external_system_data?: {
                [key: string]: unknown;
            };
            supporting_data_definition_id?: string;
            is_primary?: boolean;
            /** Format: date-time */
            source_data_created_at?: string;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedContractCreateInput: {
            contract_number?: string;
            contract_status?: string;
            contract_term_months?: number;
            /** @example 2026-11-30 */
            actived_date?: string;
            /** @example 2026-11-30 */
            start_date?: string;
            /** @example 2026-11-30 */
            end_date?: string;
            /** @example 2026-11-30 */
            signed_date_by_company?: string;
            /** @example 2026-11-30 */
            signed_date_by_customer?: string;
            billing_address_line?: string;
            billing_address_city?: string;
            billing_address_state?: string;
            billing_address_postal_code?: string;
            billing_address_country?: string;
            unified_customer_id?: string;
            source_system_account_id?: string;
            source_system?: string;
            source_system_img_url?: string;
            source_id?: string;
            external_system_provider_id?: string;
            external_system_config_id?: string;
            external_system_data?: {
                [key: string]: unknown;
            };
            supporting_data_definition_id?: string;
            is_primary?: boolean;
            /** Format: date-time */
            source_data_created_at?: string;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedProductCreateInput: {
            name: string;
            description?: string;
            type: string;
            /** @example 1200.00 */
            price: string;
            source_system?: string;
            source_system_img_url?: string;
            source_id?: string;
            external_system_provider_id?: string;
            external_system_config_id?: string;
            external_system_data?: {
                [key: string]: unknown;
            };
            supporting_data_definition_id?: string;
            is_primary?: boolean;
            /** Format: date-time */
            source_data_created_at?: string;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedOpportunityCreateInput: {
            deal_name?: string;
            /** @example 1200.00 */
            amount?: string;
            deal_stage?: string;
            /** @example 2026-11-30 */
            close_date?: string;
            unified_customer_id?: string;
            source_system_customer_id?: string;
            source_system?: string;
            source_system_img_url?: string;
            source_id?: string;
            external_system_provider_id?: string;
            external_system_config_id?: string;
            external_system_data?: {
                [key: string]: unknown;
            };
            supporting_data_definition_id?: string;
            is_primary?: boolean;
            /** Format: date-time */
            source_data_created_at?: string;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedCustomerUpdateInput: {
            email?: string;
            name?: string;
            address_line1?: string | null;
            address_line2?: string | null;
            address_city?: string | null;
            address_country?: string | null;
            address_state?: string | null;
            address_postal_code?: string | null;
            shipping_address_line1?: string | null;
            shipping_address_line2?: string | null;
            shipping_address_city?: string | null;
            shipping_address_country?: string | null;
            shipping_address_state?: string | null;
            shipping_address_postal_code?: string | null;
            phone?: string | null;
            source_system?: string | null;
            source_system_img_url?: string | null;
            source_id?: string | null;
            external_system_provider_id?: string | null;
            external_system_config_id?: string | null;
            external_system_data?: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id?: string | null;
            is_primary?: boolean;
            source_data_created_at?: string | null;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedContactUpdateInput: {
            email?: string;
            first_name?: string;
            last_name?: string | null;
            phone?: string | null;
            mobile_phone?: string | null;
            fax?: string | null;
            address?: string | null;
            city?: string | null;
            country?: string | null;
            state?: string | null;
            zip?: string | null;
            position?: string | null;
            unified_customer_id?: string | null;
            source_system_customer_id?: string | null;
            source_system?: string | null;
            source_system_img_url?: string | null;
            source_id?: string | null;
            external_system_provider_id?: string | null;
            external_system_config_id?: string | null;
            external_system_data?: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id?: string | null;
            is_primary?: boolean;
            source_data_created_at?: string | null;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedInvoiceUpdateInput: {
            amount_due?: string | null;
            amount_paid?: string | null;
            amount_remaining?: string | null;
            amount_overpaid?: string | null;
            currency?: ("AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR") | null;
            status?: string | null;
            description?: string | null;
            due_date?: string | null;
            effective_date?: string | null;
            period_start?: string | null;
            period_end?: string | null;
            unified_customer_id?: string | null;
            source_system_customer_id?: string | null;
            lines?: {
                description?: string;
                /** @example 1200.00 */
                amount: string;
                product_id?: string;
                revenue_account?: string;
            }[] | null;
            source_system?: string | null;
            source_system_img_url?: string | null;
            source_id?: string | null;
            external_system_provider_id?: string | null;
            external_system_config_id?: string | null;
            external_system_data?: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id?: string | null;
            is_primary?: boolean;
            source_data_created_at?: string | null;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedPaymentUpdateInput: {
            amount?: string | null;
            currency?: ("AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR") | null;
            status?: string | null;
            description?: string | null;
            unified_customer_id?: string | null;
            source_system_customer_id?: string | null;
            unified_invoice_id?: string | null;
            source_system?: string | null;
            source_system_img_url?: string | null;
            source_id?: string | null;
            external_system_provider_id?: string | null;
            external_system_config_id?: string | null;
            external_system_data?: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id?: string | null;
            is_primary?: boolean;
            source_data_created_at?: string | null;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedContractUpdateInput: {
            contract_number?: string | null;
            contract_status?: string | null;
            contract_term_months?: number | null;
            actived_date?: string | null;
            start_date?: string | null;
            end_date?: string | null;
            signed_date_by_company?: string | null;
            signed_date_by_customer?: string | null;
            billing_address_line?: string | null;
            billing_address_city?: string | null;
            billing_address_state?: string | null;
            billing_address_postal_code?: string | null;
            billing_address_country?: string | null;
            unified_customer_id?: string | null;
            source_system_account_id?: string | null;
            source_system?: string | null;
            source_system_img_url?: string | null;
            source_id?: string | null;
            external_system_provider_id?: string | null;
            external_system_config_id?: string | null;
            external_system_data?: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id?: string | null;
            is_primary?: boolean;
            source_data_created_at?: string | null;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedProductUpdateInput: {
            name?: string;
            description?: string | null;
            type?: string;
            /** @example 1200.00 */
            price?: string;
            source_system?: string | null;
            source_system_img_url?: string | null;
            source_id?: string | null;
            external_system_provider_id?: string | null;
            external_system_config_id?: string | null;
            external_system_data?: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id?: string | null;
            is_primary?: boolean;
            source_data_created_at?: string | null;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        UnifiedOpportunityUpdateInput: {
            deal_name?: string | null;
            amount?: string | null;
            deal_stage?: string | null;
            close_date?: string | null;
            unified_customer_id?: string | null;
            source_system_customer_id?: string | null;
            source_system?: string | null;
            source_system_img_url?: string | null;
            source_id?: string | null;
            external_system_provider_id?: string | null;
            external_system_config_id?: string | null;
            external_system_data?: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id?: string | null;
            is_primary?: boolean;
            source_data_created_at?: string | null;
            is_active?: boolean;
            /** @description read-only: ignored on input */
            id?: unknown;
            /** @description read-only: ignored on input */
            version?: unknown;
            /** @description read-only: ignored on input */
            created_at?: unknown;
            /** @description read-only: ignored on input */
            updated_at?: unknown;
            /** @description read-only: ignored on input */
            local_was_deleted?: unknown;
            /** @description read-only: ignored on input */
            local_was_updated?: unknown;
            /** @description read-only: ignored on input */
            accounting?: unknown;
        };
        Error: {
            error: {
                code: string;
                message: string;
                request_id: string;
                details: {
                    path: string;
                    message: string;
                }[];
            };
        };
        AuditEvent: {
            id: string;
            /** Format: date-time */
            at: string;
            tenant_id: string | null;
            environment: ("production" | "sandbox") | null;
            actor: {
                /** @enum {string} */
                type: "api_key" | "admin" | "user" | "system";
                id: string;
            };
            action: string;
            resource_type: string;
            resource_id: string;
            request_id: string;
        };
        CurrencyBalance: {
            currency: string;
            debits: string;
            credits: string;
            balance: string;
        };
        Account: {
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            type: "asset" | "liability" | "equity" | "revenue" | "expense";
            currency: string | null;
            parent_code: string | null;
            description: string | null;
            metadata: {
                [key: string]: unknown;
            };
            is_active: boolean;
            subledger: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        JournalEntry: {
            id: string;
            date: string;
            description: string;
            currency: string;
            reference: string | null;
            /** @constant */
            status: "posted";
            lines: {
                line_number: number;
                account: string;
                debit: string | null;
                credit: string | null;
                subledger_account: string | null;
                dimensions: {
                    [key: string]: string;
                } | null;
                memo: string | null;
            }[];
            /** Format: date-time */
            created_at: string;
            reversal_of: string | null;
            reversed_by: string | null;
            metadata: {
                [key: string]: unknown;
            };
        };
        Subledger: {
            id: string;
            code: string;
            name: string;
            control_account: string;
            /** Format: date-time */
            created_at: string;
        };
        Period: {
            period: string;
            /** @enum {string} */
            status: "open" | "closed";
            changed_at: string | null;
        };
        BalanceSheet: {
            as_of: string | null;
            currency: string | null;
            assets: {
                accounts: {
                    code: string;
                    name: string;
                    balance: string;
                }[];
                total: string;
            };
            liabilities: {
                accounts: {
                    code: string;
                    name: string;
                    balance: string;
                }[];
                total: string;
            };
            equity: {
                accounts: {
                    code: string;
                    name: string;
                    balance: string;
                }[];
                total: string;
                current_earnings: string;
            };
            total_liabilities_and_equity: string;
        };
        AccountBalance: {
            account: string;
            as_of: string | null;
            include_children: boolean;
            balances: components["schemas"]["CurrencyBalance"][];
        };
        SubledgerBalances: {
            data: {
                subledger_account: string;
                /** @description the customer's current name when the party is a recorded customer, else null */
                name: string | null;
                currency: string;
                debits: string;
                credits: string;
                balance: string;
            }[];
            page: number;
            limit: number;
            totalPages: number;
            totalResults: number;
            subledger: string;
            control_account: string;
            as_of: string | null;
            totals: components["schemas"]["CurrencyBalance"][];
        };
        IncomeStatement: {
            from: string | null;
            to: string | null;
            currency: string | null;
            revenue: {
                accounts: {
                    code: string;
                    name: string;
                    balance: string;
                }[];
                total: string;
            };
            expenses: {
                accounts: {
                    code: string;
                    name: string;
                    balance: string;
                }[];
                total: string;
            };
            net_income: string;
        };
        StatementLine: {
            entry_id: string;
            line_number: number;
            date: string;
            description: string;
            reference: string | null;
            currency: string;
            debit: string | null;
            credit: string | null;
            subledger_account: string | null;
            /** @description the party's name when it is a recorded customer, else null */
            subledger_account_name: string | null;
            memo: string | null;
            running_balance: string;
        };
        TrialBalance: {
            as_of: string | null;
            currency: string | null;
            accounts: {
                code: string;
                name: string;
                /** @enum {string} */
                type: "asset" | "liability" | "equity" | "revenue" | "expense";
                debit: string;
                credit: string;
            }[];
            total_debits: string;
            total_credits: string;
        };
        LedgerVerification: {
            valid: boolean;
            entries: number;
            head: string;
            broken_at: {
                position: number;
                entry_id: string | null;
                reason: string;
            } | null;
            next_from: number | null;
        };
        Whoami: {
            tenant_id: string;
            tenant_name: string;
            /** @enum {string} */
            environment: "production" | "sandbox";
            key_id: string;
            user_id: string;
            permissions: ("read" | "write")[];
            /** @description Whether an agent may post journal entries directly with this key (MCP post_journal_entry) rather than propose drafts. */
            agent_posting: boolean;
        };
        ChartTemplate: {
            name: string;
            description: string;
            retained_earnings_account: string;
            accounts: {
                code: string;
                name: string;
                /** @enum {string} */
                type: "asset" | "liability" | "equity" | "revenue" | "expense";
                parent_code?: string;
                metadata?: {
                    [key: string]: unknown;
                };
            }[];
            subledgers: {
                code: string;
                name: string;
                control_account: string;
            }[];
        };
        AppliedChartTemplate: {
            template: string;
            created: string[];
            existing: string[];
            subledgers_created: string[];
            subledgers_existing: string[];
            conflicts: {
                code: string;
                reason: string;
            }[];
        };
        ReceivablesAging: {
            as_of: string;
            account: string;
            subledger: string;
            currencies: {
                currency: string;
                customers: {
                    customer: string;
                    name: string | null;
                    current: string;
                    days_1_30: string;
                    days_31_60: string;
                    days_61_90: string;
                    days_over_90: string;
                    unallocated: string;
                    total: string;
                }[];
                totals: {
                    current: string;
                    days_1_30: string;
                    days_31_60: string;
                    days_61_90: string;
                    days_over_90: string;
                    unallocated: string;
                    total: string;
                };
                control_account_balance: string;
            }[];
        };
        YearEnd: {
            year: string;
            /** @enum {string} */
            status: "closed" | "open";
            retained_earnings_account: string | null;
            entries: string[];
            periods: string[];
        };
        AccountingError: {
            code: string;
            message: string;
            details: {
                path: string;
                message: string;
            }[];
        };
        AccountingOutcome: {
            /** @enum {string} */
            status: "accounted" | "not_applicable" | "pending" | "error";
            entries: string[];
            error: components["schemas"]["AccountingError"] | null;
        };
        CustomerBalance: {
            customer_id: string;
            name: string | null;
            as_of: string | null;
            balances: {
                account: string;
                currency: string;
                debits: string;
                credits: string;
                balance: string;
            }[];
        };
        AccountingRule: {
            /** @enum {string} */
            event: "invoice.issued" | "invoice.adjusted" | "invoice.voided" | "payment.received" | "payment.adjusted" | "payment.reversed";
            /** @enum {string} */
            model: "invoice" | "payment";
            /** @enum {string} */
            kind: "recognition" | "adjustment" | "reversal";
            /** @enum {string} */
            recognition_event: "invoice.issued" | "invoice.adjusted" | "invoice.voided" | "payment.received" | "payment.adjusted" | "payment.reversed";
            enabled: boolean;
            debit_account: string;
            credit_account: string;
            receivable_account: string;
            conditions: {
                field: string;
                /** @enum {string} */
                operator: "equals" | "not_equals" | "in" | "not_in" | "present" | "absent";
                values?: string[];
            }[];
            description_template: string;
            is_default: boolean;
            updated_at: string | null;
        };
        RulePreview: {
            /** @enum {string} */
            event: "invoice.issued" | "invoice.adjusted" | "invoice.voided" | "payment.received" | "payment.adjusted" | "payment.reversed";
            matches: boolean;
            would_post_as: ("invoice.issued" | "invoice.adjusted" | "invoice.voided" | "payment.received" | "payment.adjusted" | "payment.reversed") | null;
            entries: {
                date: string;
                description: string;
                currency: string;
                reference?: string;
                lines: {
                    account: string;
                    debit?: string;
                    credit?: string;
                    subledger_account?: string;
                }[];
                metadata?: {
                    [key: string]: unknown;
                };
            }[];
        };
        ExternalConnection: {
            id: string;
            name: string;
            /** @enum {string} */
            type: "csv" | "postgres";
            /** @enum {string} */
            status: "needs_mapping" | "ready" | "error";
            source: {
                table?: string;
                query?: string;
                rows?: number;
            };
            has_connection_string: boolean;
            mapping: {
                /** @enum {string} */
                model: "customer" | "contact" | "invoice" | "payment" | "contract" | "product" | "opportunity";
                source_system?: string;
                fields: {
                    [key: string]: string;
                };
                defaults?: {
                    [key: string]: unknown;
                };
            } | null;
            last_sync: {
                [key: string]: unknown;
            } | null;
            mcp: {
                enabled: boolean;
                tool_name: string | null;
                description: string | null;
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        SourceColumns: {
            column_name: string;
            data_type: string;
        }[];
        SyncReport: {
            connection_id: string;
            model: string;
            rows: number;
            created: number;
            updated: number;
            unchanged: number;
            rejected: number;
            rejections: {
                row: number;
                source_id: string | null;
                code: string;
                message: string;
                details: {
                    path: string;
                    message: string;
                }[];
            }[];
            accounting_errors: {
                row: number;
                source_id: string | null;
                code: string;
                message: string;
            }[];
            /** Format: date-time */
            started_at: string;
            /** Format: date-time */
            finished_at: string;
        };
        Job: {
            id: string;
            /** @enum {string} */
            kind: "accounting_run" | "connection_sync" | "gl_run";
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed";
            params: {
                [key: string]: unknown;
            };
            progress: {
                done: number;
                total: number | null;
            };
            result: {
                [key: string]: unknown;
            } | null;
            error: {
                code: string;
                message: string;
                details: {
                    path: string;
                    message: string;
                }[];
            } | null;
            /** Format: date-time */
            created_at: string;
            started_at: string | null;
            finished_at: string | null;
        };
        JobSingle: {
            data: components["schemas"]["Job"];
        };
        JobList: {
            data: components["schemas"]["Job"][];
            limit: number;
            next_cursor: string | null;
        };
        AccountingException: {
            record_id: string;
            model: string;
            version: number;
            source_system: string | null;
            source_id: string | null;
            error: {
                code: string;
                message: string;
                details: {
                    path: string;
                    message: string;
                }[];
            };
            created_at: string;
        };
        AccountingExceptionList: {
            data: components["schemas"]["AccountingException"][];
            limit: number;
            next_cursor: string | null;
        };
        JournalEntryDraft: {
            id: string;
            /** @enum {string} */
            status: "pending_approval" | "approved" | "rejected";
            entry: {
                /**
                 * Format: date
                 * @example 2026-11-30
                 */
                date: string;
                description: string;
                /** @enum {string} */
                currency: "AED" | "ARS" | "AUD" | "BGN" | "BHD" | "BRL" | "CAD" | "CHF" | "CLP" | "CNY" | "COP" | "CZK" | "DKK" | "EGP" | "EUR" | "GBP" | "HKD" | "HUF" | "IDR" | "ILS" | "INR" | "ISK" | "JOD" | "JPY" | "KES" | "KRW" | "KWD" | "MAD" | "MXN" | "MYR" | "NGN" | "NOK" | "NZD" | "OMR" | "PEN" | "PHP" | "PKR" | "PLN" | "QAR" | "RON" | "RSD" | "SAR" | "SEK" | "SGD" | "THB" | "TND" | "TRY" | "TWD" | "UAH" | "UGX" | "USD" | "VND" | "XAF" | "XOF" | "ZAR";
                reference?: string;
                lines: {
                    account: string;
                    debit?: string;
                    credit?: string;
                    subledger_account?: string;
                    dimensions?: {
                        [key: string]: string;
                    };
                    memo?: string;
                }[];
                metadata?: {
                    [key: string]: unknown;
                };
            };
            impact: {
                account: string;
                currency: string;
                /** @description The account's balance in this currency when the draft was proposed, signed by its normal side. */
                before: string;
                /** @description The balance once the entry posts (on the books as they stood when proposed). */
                after: string;
            }[];
            proposed_by: {
                key_id: string;
                user_id: string;
                /** @enum {string} */
                via: "api" | "mcp";
            };
            /** Format: date-time */
            created_at: string;
            decided_by: {
                key_id: string;
                user_id: string;
            } | null;
            decided_at: string | null;
            reason: string | null;
            journal_entry_id: string | null;
        };
        McpAnswer: {
            /** @constant */
            jsonrpc: "2.0";
            id: string | number | null;
            result?: unknown;
            error?: unknown;
        } & {
            [key: string]: unknown;
        };
        GlConnection: {
            id: string;
            /** @enum {string} */
            provider: "xero" | "webhook";
            name: string;
            /** @enum {string} */
            status: "active" | "paused" | "needs_authorization" | "error";
            settings: {
                start_date: string;
                /** @enum {string} */
                summarize: "none" | "daily" | "monthly";
                paused: boolean;
            };
            mapping: {
                accounts: {
                    [key: string]: string;
                };
                dimensions: {
                    [key: string]: string;
                };
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CreatedGlConnection: {
            id: string;
            /** @enum {string} */
            provider: "xero" | "webhook";
            name: string;
            /** @enum {string} */
            status: "active" | "paused" | "needs_authorization" | "error";
            settings: {
                start_date: string;
                /** @enum {string} */
                summarize: "none" | "daily" | "monthly";
                paused: boolean;
            };
            mapping: {
                accounts: {
                    [key: string]: string;
                };
                dimensions: {
                    [key: string]: string;
                };
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description webhook: the signing secret, shown in this answer only */
            signing_secret?: string;
            /** @description xero, authorization code: the URL a person opens to authorise Links; shown in this answer only */
            authorize_url?: string;
            /** @description xero: the organisation the connection reaches, once connected */
            organisation?: {
                tenant_id: string;
                name: string;
            };
        };
        ConnectedGlConnection: {
            id: string;
            /** @enum {string} */
            provider: "xero" | "webhook";
            name: string;
            /** @enum {string} */
            status: "active" | "paused" | "needs_authorization" | "error";
            settings: {
                start_date: string;
                /** @enum {string} */
                summarize: "none" | "daily" | "monthly";
                paused: boolean;
            };
            mapping: {
                accounts: {
                    [key: string]: string;
                };
                dimensions: {
                    [key: string]: string;
                };
            };
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description xero, authorization code: the URL a person opens to authorise Links; shown in this answer only */
            authorize_url?: string;
            /** @description xero: the organisation the connection reaches, once connected */
            organisation?: {
                tenant_id: string;
                name: string;
            };
        };
        GlRotatedSecret: {
            /** @description shown in this answer only */
            signing_secret?: string;
            /** Format: date-time */
            previous_valid_until: string;
        };
        ErpAccount: {
            code: string;
            name: string;
            type: string;
            /** @enum {string} */
            status: "active" | "archived";
            /** @description False when the ERP takes no journal on the account (Xero: bank accounts); a mapping to it is 422 unknown_erp_account. */
            accepts_journals: boolean;
        };
        GlTransfer: {
            id: string;
            /** @enum {string} */
            status: "pending" | "sending" | "confirmed" | "failed" | "uncertain";
            entry_ids: string[];
            date: string;
            currency: string;
            erp_document_id: string | null;
            attempts: number;
            last_error: {
                code: string;
                message: string;
                erp_status: number | null;
                erp_body: unknown;
            } | null;
            /** Format: date-time */
            created_at: string;
            sent_at: string | null;
            confirmed_at: string | null;
        };
        GlTransferList: {
            data: components["schemas"]["GlTransfer"][];
            limit: number;
            next_cursor: string | null;
        };
        GlReconciliation: {
            as_of: string;
            currency: string;
            matched: boolean;
            accounts: {
                erp_account: string;
                links_balance: string;
                erp_balance: string;
                difference: string;
            }[];
        };
        UnifiedCustomer: {
            id: string;
            version: number;
            email: string | null;
            name: string | null;
            address_line1: string | null;
            address_line2: string | null;
            address_city: string | null;
            address_country: string | null;
            address_state: string | null;
            address_postal_code: string | null;
            shipping_address_line1: string | null;
            shipping_address_line2: string | null;
            shipping_address_city: string | null;
            shipping_address_country: string | null;
            shipping_address_state: string | null;
            shipping_address_postal_code: string | null;
            phone: string | null;
            source_system: string | null;
            source_system_img_url: string | null;
            source_id: string | null;
            external_system_provider_id: string | null;
            external_system_config_id: string | null;
            external_system_data: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id: string | null;
            is_primary: boolean | null;
            source_data_created_at: string | null;
            is_active: boolean;
            local_was_deleted: boolean;
            local_was_updated: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            accounting: components["schemas"]["AccountingOutcome"];
        };
        UnifiedContact: {
            id: string;
            version: number;
            email: string | null;
            first_name: string | null;
            last_name: string | null;
            phone: string | null;
            mobile_phone: string | null;
            fax: string | null;
            address: string | null;
            city: string | null;
            country: string | null;
            state: string | null;
            zip: string | null;
            position: string | null;
            unified_customer_id: string | null;
            source_system_customer_id: string | null;
            source_system: string | null;
            source_system_img_url: string | null;
            source_id: string | null;
            external_system_provider_id: string | null;
            external_system_config_id: string | null;
            external_system_data: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id: string | null;
            is_primary: boolean | null;
            source_data_created_at: string | null;
            is_active: boolean;
            local_was_deleted: boolean;
            local_was_updated: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            accounting: components["schemas"]["AccountingOutcome"];
        };
        UnifiedInvoice: {
            id: string;
            version: number;
            amount_due: string | null;
            amount_paid: string | null;
            amount_remaining: string | null;
            amount_overpaid: string | null;
            currency: string | null;
            status: string | null;
            description: string | null;
            due_date: string | null;
            effective_date: string | null;
            period_start: string | null;
            period_end: string | null;
            unified_customer_id: string | null;
            source_system_customer_id: string | null;
            lines: {
                description?: string;
                amount: string;
                product_id?: string;
                revenue_account?: string;
            }[] | null;
            source_system: string | null;
            source_system_img_url: string | null;
            source_id: string | null;
            external_system_provider_id: string | null;
            external_system_config_id: string | null;
            external_system_data: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id: string | null;
            is_primary: boolean | null;
            source_data_created_at: string | null;
            is_active: boolean;
            local_was_deleted: boolean;
            local_was_updated: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            accounting: components["schemas"]["AccountingOutcome"];
        };
        UnifiedPayment: {
            id: string;
            version: number;
            amount: string | null;
            currency: string | null;
            status: string | null;
            description: string | null;
            unified_customer_id: string | null;
            source_system_customer_id: string | null;
            unified_invoice_id: string | null;
            source_system: string | null;
            source_system_img_url: string | null;
            source_id: string | null;
            external_system_provider_id: string | null;
            external_system_config_id: string | null;
            external_system_data: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id: string | null;
            is_primary: boolean | null;
            source_data_created_at: string | null;
            is_active: boolean;
            local_was_deleted: boolean;
            local_was_updated: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            accounting: components["schemas"]["AccountingOutcome"];
        };
        UnifiedContract: {
            id: string;
            version: number;
            contract_number: string | null;
            contract_status: string | null;
            contract_term_months: number | null;
            actived_date: string | null;
            start_date: string | null;
            end_date: string | null;
            signed_date_by_company: string | null;
            signed_date_by_customer: string | null;
            billing_address_line: string | null;
            billing_address_city: string | null;
            billing_address_state: string | null;
            billing_address_postal_code: string | null;
            billing_address_country: string | null;
            unified_customer_id: string | null;
            source_system_account_id: string | null;
            source_system: string | null;
            source_system_img_url: string | null;
            source_id: string | null;
            external_system_provider_id: string | null;
            external_system_config_id: string | null;
            external_system_data: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id: string | null;
            is_primary: boolean | null;
            source_data_created_at: string | null;
            is_active: boolean;
            local_was_deleted: boolean;
            local_was_updated: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            accounting: components["schemas"]["AccountingOutcome"];
        };
        UnifiedProduct: {
            id: string;
            version: number;
            name: string | null;
            description: string | null;
            type: string | null;
            price: string | null;
            source_system: string | null;
            source_system_img_url: string | null;
            source_id: string | null;
            external_system_provider_id: string | null;
            external_system_config_id: string | null;
            external_system_data: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id: string | null;
            is_primary: boolean | null;
            source_data_created_at: string | null;
            is_active: boolean;
            local_was_deleted: boolean;
            local_was_updated: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            accounting: components["schemas"]["AccountingOutcome"];
        };
        UnifiedOpportunity: {
            id: string;
            version: number;
            deal_name: string | null;
            amount: string | null;
            deal_stage: string | null;
            close_date: string | null;
            unified_customer_id: string | null;
            source_system_customer_id: string | null;
            source_system: string | null;
            source_system_img_url: string | null;
            source_id: string | null;
            external_system_provider_id: string | null;
            external_system_config_id: string | null;
            external_system_data: {
                [key: string]: unknown;
            } | null;
            supporting_data_definition_id: string | null;
            is_primary: boolean | null;
            source_data_created_at: string | null;
            is_active: boolean;
            local_was_deleted: boolean;
            local_was_updated: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            accounting: components["schemas"]["AccountingOutcome"];
        };
    };
    responses: {
        /** @description unauthenticated: the key (or admin token) is missing, malformed, unknown, revoked or expired. */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description forbidden (the key lacks the permission) or environment_mismatch (the key belongs to the other environment). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description rate_limited: over the key's rate, or too many failed authentications from this address; see Retry-After. */
        RateLimited: {
            headers: {
                /** @description Seconds to wait before retrying. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description unavailable: a database is unreachable or the server is shutting down; the request changed nothing and is safe to retry. */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description invalid_request: a parameter, query, header or body is malformed or fails its schema; `details` names each field. */
        InvalidRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description not_found: the resource, or one the request refers to, does not exist in this scope. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description conflict, idempotency_key_reused or already_reversed: the request clashes with the current state. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description payload_too_large: the body is over 1 MiB. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A well-formed request the books refuse: unbalanced_entry, unknown_account, inactive_account, currency_mismatch, invalid_amount, subledger_account_required, period_closed, user_not_member, permission_exceeds_role, unknown_erp_account. */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
