/* The map picker of forms: click the map or drag the marker to fill the latitude and
   longitude inputs, which stay in the page (collapsed once the map works) so the form
   works without JavaScript. The address search exists only when a geocoder is
   configured (MAP_GEOCODER_URL); otherwise nothing is ever asked outside the site. */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function setUp(box) {
    var L = window.L;
    if (!L || box.dataset.ready) return;
    var data = box.dataset;
    var latInput = document.getElementById(data.latInput);
    var lngInput = document.getElementById(data.lngInput);
    var element = box.querySelector(".map-picker__map");
    if (!latInput || !lngInput || !element) return;
    box.dataset.ready = "1";
    var status = box.querySelector(".map-picker__status");
    element.hidden = false;
    box.classList.add("map-picker--ready");
    var coordinates = box.nextElementSibling;
    if (coordinates && coordinates.tagName === "DETAILS" && !coordinates.querySelector(".field--error")) {
      coordinates.open = false;
    }

    var map = L.map(element, { scrollWheelZoom: false });
    if (data.tilesUrl) {
      L.tileLayer(data.tilesUrl, { attribution: data.tilesAttribution || "", maxZoom: 19 }).addTo(map);
    }
    var marker = null;

    function current() {
      var lat = parseFloat(latInput.value.replace(",", "."));
      var lng = parseFloat(lngInput.value.replace(",", "."));
      return isNaN(lat) || isNaN(lng) ? null : [lat, lng];
    }

    function place(latlng, announce) {
      var lat = latlng.lat.toFixed(6);
      var lng = latlng.lng.toFixed(6);
      latInput.value = lat;
      lngInput.value = lng;
      showMarker([lat, lng]);
      element.dataset.lat = lat;
      element.dataset.lng = lng;
      if (announce && status) {
        status.textContent = fill(data.msgPlaced, { lat: lat, lng: lng });
      }
    }

    function showMarker(point) {
      if (marker) {
        marker.setLatLng(point);
        return;
      }
      marker = L.marker(point, { draggable: true, title: data.msgMarker, alt: data.msgMarker, keyboard: true });
      marker.on("dragend", function () { place(marker.getLatLng(), true); });
      marker.addTo(map);
    }

    var start = current();
    var lat = parseFloat(data.lat);
    var lng = parseFloat(data.lng);
    if (start) {
      map.setView(start, 16);
      showMarker(start);
    } else if (!isNaN(lat) && !isNaN(lng)) {
      map.setView([lat, lng], parseInt(data.zoom, 10) || 13);
    } else {
      map.setView([46.6, 2.5], 5);
    }
    map.on("click", function (event) { place(event.latlng, true); });
    [latInput, lngInput].forEach(function (input) {
      input.addEventListener("change", function () {
        var point = current();
        if (point) {
          showMarker(point);
          map.panTo(point);
        }
      });
    });

    var search = box.querySelector(".map-picker__search");
    if (data.geocoderUrl && search) {
      search.hidden = false;
      var query = search.querySelector(".map-picker__query");
      var results = box.querySelector(".map-picker__results");
      var go = search.querySelector(".map-picker__go");
      var run = function () {
        var text = query.value.trim();
        if (!text) return;
        results.textContent = "";
        fetch(data.geocoderUrl.replace("{query}", encodeURIComponent(text)), {
          headers: { Accept: "application/json" }, credentials: "omit", referrerPolicy: "no-referrer",
        })
          .then(function (response) {
            if (!response.ok) throw new Error("HTTP " + response.status);
            return response.json();
          })
          .then(function (collection) {
            var features = (collection.features || []).filter(function (feature) {
              return feature.geometry && feature.geometry.type === "Point";
            });
            if (!features.length) {
              status.textContent = data.msgNone;
              return;
            }
            features.slice(0, 5).forEach(function (feature) {
              var properties = feature.properties || {};
              var label = properties.label || properties.display_name || properties.name || text;
              var item = document.createElement("li");
              var button = document.createElement("button");
              button.type = "button";
              button.className = "link-button";
              button.textContent = label;
              button.addEventListener("click", function () {
                var point = L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]);
                place(point, true);
                map.setView(point, 17);
                results.textContent = "";
              });
              item.appendChild(button);
              results.appendChild(item);
            });
          })
          .catch(function () { status.textContent = data.msgError; });
      };
      go.addEventListener("click", run);
      query.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault(); // not the form's submission
          run();
        }
      });
    }
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-map-picker]"), setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
