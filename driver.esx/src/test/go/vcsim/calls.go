package main

// The count of SOAP calls per method that went through the proxy, for measuring how many round
// trips a client makes per operation (bench/esx-vs-libvirt.sh, EsxRoundTripTest). GET /calls
// answers "METHOD COUNT" lines, sorted by method, and "total N"; GET /calls?reset=1 answers the
// same and sets every count back to zero. The method is the name of the first element inside the
// SOAP body of the request. Nothing else of a request or an answer is looked at or changed.

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"sync"
)

type callCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

var bodyMethod = regexp.MustCompile(`<(?:[\w.-]+:)?Body[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+)`)

// wrap counts the SOAP calls of POST requests and serves GET /calls; all else goes to next.
func (c *callCounter) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && r.URL.Path == "/calls" {
			c.report(w, r.URL.Query().Get("reset") == "1")
			return
		}
		if r.Method == http.MethodPost && r.Body != nil {
			body, err := io.ReadAll(r.Body)
			r.Body.Close()
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			method := "unknown"
			if m := bodyMethod.FindSubmatch(body); m != nil {
				method = string(m[1])
			}
			c.mu.Lock()
			c.counts[method]++
			c.mu.Unlock()
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		next.ServeHTTP(w, r)
	})
}

func (c *callCounter) report(w http.ResponseWriter, reset bool) {
	c.mu.Lock()
	names := make([]string, 0, len(c.counts))
	total := 0
	for name, n := range c.counts {
		names = append(names, name)
		total += n
	}
	sort.Strings(names)
	w.Header().Set("Content-Type", "text/plain")
	for _, name := range names {
		fmt.Fprintf(w, "%s %d\n", name, c.counts[name])
	}
	fmt.Fprintf(w, "total %d\n", total)
	if reset {
		c.counts = map[string]int{}
	}
	c.mu.Unlock()
}
