// vcsim for jvirt's ESX tests: VMware's vSphere simulator (govmomi's simulator package, Debian's
// golang-github-vmware-govmomi-dev) behind a small rewriting proxy on a loopback port.
//
// Usage: vcsim [-vpx] [-tls] [-port N] [-vms N] [-raw] [-question]
// Prints one line, "URL <url>", once it serves; stops on SIGTERM/SIGINT.
//
// The proxy adds the xsi:type attribute the simulator omits on the items of ArrayOf... values
// (see rewrite.go); libvirt's ESX driver needs it, real ESX and vCenter send it. And each
// datastore's host mounts get the mount path (DatastoreHostMount.mountInfo.path) the simulator
// leaves empty: real hosts set it, and libvirt's ESX driver dereferences it without a check
// (virsh pool-list, domxml-from-native and domxml-to-native with datastore paths crash on it).
// And an ESX host gets the HostAutoStartManager it names but the simulator lacks (autostart.go).
// All are off with -raw. The proxy also counts the SOAP calls per method (calls.go, GET /calls).
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"github.com/vmware/govmomi/simulator"
)

func main() {
	vpx := flag.Bool("vpx", false, "simulate vCenter (simulator.VPX) instead of a single ESX host")
	useTLS := flag.Bool("tls", false, "serve HTTPS (a self-signed certificate for 127.0.0.1)")
	port := flag.Int("port", 0, "loopback port to serve on (0: any free one)")
	vms := flag.Int("vms", -1, "VMs per host/resource pool (-1: the model's default)")
	raw := flag.Bool("raw", false, "do not add xsi:type to array items (the simulator's own answers)")
	question := flag.Bool("question", false, "VMs ask a question when powered on (question.go)")
	flag.Parse()

	model := simulator.ESX()
	if *vpx {
		model = simulator.VPX()
	}
	if *vms >= 0 {
		model.Machine = *vms
	}
	if err := model.Create(); err != nil {
		log.Fatal(err)
	}
	defer model.Remove()
	if !*raw {
		addMountPaths()
		if !*vpx {
			addAutoStartManagers()
		}
	}
	if *question {
		askQuestions()
	}
	model.Service.Listen = &url.URL{Host: "127.0.0.1:0"}
	if *useTLS {
		model.Service.TLS = new(tls.Config)
	}
	inner := model.Service.NewServer()
	defer inner.Close()

	target := &url.URL{Scheme: inner.URL.Scheme, Host: inner.URL.Host}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	if !*raw {
		proxy.ModifyResponse = addArrayItemTypes
	}

	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		log.Fatal(err)
	}
	scheme := "http"
	if *useTLS {
		scheme = "https"
		ln = tls.NewListener(ln, &tls.Config{Certificates: inner.TLS.Certificates})
	}
	counter := &callCounter{counts: map[string]int{}}
	server := &http.Server{Handler: counter.wrap(proxy)}
	go server.Serve(ln)

	fmt.Printf("URL %s://%s/sdk\n", scheme, ln.Addr().String())
	os.Stdout.Sync()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	<-stop
	server.Close()
}

// addMountPaths sets each host mount's mountInfo.path to the datastore's URL (the directory the
// simulator keeps its files in), as real hosts mount a datastore at its URL's path.
func addMountPaths() {
	for _, e := range simulator.Map.All("Datastore") {
		ds := e.(*simulator.Datastore)
		for i := range ds.Host {
			ds.Host[i].MountInfo.Path = ds.Info.GetDatastoreInfo().Url
		}
	}
}
