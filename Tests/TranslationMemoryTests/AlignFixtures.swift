/// Sentence pairs written for these tests in the style of ANTARA news (invented events).
enum AlignFixtures {
    static let pairs: [(String, String)] = [
        ("Pemerintah Provinsi Jawa Barat menyalurkan bantuan beras sebanyak 1.500,5 ton kepada warga terdampak banjir di Bekasi pada Sabtu.",
         "The West Java provincial government distributed 1,500.5 tons of rice aid to flood-affected residents in Bekasi on Saturday."),
        ("Kepala Dinas Sosial Budi Santoso mengatakan bantuan itu akan dibagikan di 12 kecamatan hingga akhir Februari.",
         "Head of the Social Affairs Office Budi Santoso said the aid would be distributed in 12 sub-districts until the end of February."),
        ("Menurut dia, jumlah pengungsi mencapai 4.250 orang yang tersebar di sekolah dan masjid.",
         "According to him, the number of evacuees reached 4,250 people spread across schools and mosques."),
        ("Presiden AS Joe Biden dijadwalkan berkunjung ke Jakarta pada 3 Maret untuk membahas kerja sama energi.",
         "U.S. President Joe Biden is scheduled to visit Jakarta on March 3 to discuss energy cooperation."),
        ("Nilai investasi proyek tersebut diperkirakan mencapai Rp2,5 triliun.",
         "The investment value of the project is estimated to reach 2.5 trillion rupiah."),
        ("Diplomasi ekonomi menjadi prioritas kementerian tahun ini, ujar juru bicara Kementerian Luar Negeri.",
         "Economic diplomacy is the ministry's priority this year, a Foreign Ministry spokesperson said."),
        ("Badan Meteorologi, Klimatologi, dan Geofisika memperkirakan hujan lebat masih akan turun hingga Kamis.",
         "The Meteorology, Climatology and Geophysics Agency forecast that heavy rain would continue until Thursday."),
        ("Warga diimbau menghindari bantaran sungai dan segera melapor kepada petugas jika melihat tanda bahaya.",
         "Residents are urged to avoid riverbanks and report immediately to officers if they see signs of danger."),
        ("Sebanyak 37 sekolah di wilayah itu ditutup sementara sejak Senin.",
         "A total of 37 schools in the area have been temporarily closed since Monday."),
        ("Tim gabungan SAR masih mencari dua warga yang dilaporkan hilang terseret arus.",
         "The joint search and rescue team is still looking for two residents reported missing after being swept away by the current."),
        ("Harga cabai merah di pasar tradisional naik menjadi Rp85.000 per kilogram.",
         "The price of red chillies in traditional markets rose to Rp85,000 per kilogram."),
        ("Gubernur meminta seluruh bupati dan wali kota menyiapkan dana darurat.",
         "The governor asked all regents and mayors to prepare emergency funds."),
    ]

    static let indonesian = pairs.map(\.0)
    static let english = pairs.map(\.1)

    /// "A. B" made one sentence "A; B", as translators sometimes do.
    static func merged(_ first: String, _ second: String) -> String {
        String(first.dropLast()) + "; " + second.prefix(1).lowercased() + second.dropFirst()
    }
}
