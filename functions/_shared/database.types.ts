export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      audit_logs: {
        Row: {
          action: string
          actor_id: string | null
          created_at: string
          details: NonNullable<Json>
          id: string
          target_id: string | null
          target_type: string
        }
        Insert: {
          action: string
          actor_id?: string | null
          created_at?: string
          details?: NonNullable<Json>
          id?: string
          target_id?: string | null
          target_type: string
        }
        Update: {
          action?: string
          actor_id?: string | null
          created_at?: string
          details?: NonNullable<Json>
          id?: string
          target_id?: string | null
          target_type?: string
        }
        Relationships: []
      }
      categories: {
        Row: {
          created_at: string
          id: string
          name: string
        }
        Insert: {
          created_at?: string
          id?: string
          name: string
        }
        Update: {
          created_at?: string
          id?: string
          name?: string
        }
        Relationships: []
      }
      communication_logs: {
        Row: {
          attempts: number
          content: string | null
          created_at: string
          id: string
          last_error: string | null
          recipient_email: string | null
          recipient_id: string | null
          sent_at: string | null
          status: Database["public"]["Enums"]["communication_status"]
          subject: string | null
          template_name: string | null
          type: Database["public"]["Enums"]["communication_type"]
          updated_at: string
        }
        Insert: {
          attempts?: number
          content?: string | null
          created_at?: string
          id?: string
          last_error?: string | null
          recipient_email?: string | null
          recipient_id?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["communication_status"]
          subject?: string | null
          template_name?: string | null
          type: Database["public"]["Enums"]["communication_type"]
          updated_at?: string
        }
        Update: {
          attempts?: number
          content?: string | null
          created_at?: string
          id?: string
          last_error?: string | null
          recipient_email?: string | null
          recipient_id?: string | null
          sent_at?: string | null
          status?: Database["public"]["Enums"]["communication_status"]
          subject?: string | null
          template_name?: string | null
          type?: Database["public"]["Enums"]["communication_type"]
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "communication_logs_recipient_id_fkey"
            columns: ["recipient_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      educations: {
        Row: {
          created_at: string
          end_datetime: string | null
          field_of_study: string | null
          id: string
          org_id: string | null
          qualification: string | null
          remark: string | null
          resume_url: string | null
          school: string | null
          start_datetime: string | null
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          end_datetime?: string | null
          field_of_study?: string | null
          id?: string
          org_id?: string | null
          qualification?: string | null
          remark?: string | null
          resume_url?: string | null
          school?: string | null
          start_datetime?: string | null
          updated_at?: string
          user_id?: string
        }
        Update: {
          created_at?: string
          end_datetime?: string | null
          field_of_study?: string | null
          id?: string
          org_id?: string | null
          qualification?: string | null
          remark?: string | null
          resume_url?: string | null
          school?: string | null
          start_datetime?: string | null
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "educations_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "educations_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      event_categories: {
        Row: {
          category_id: string
          created_at: string
          event_id: string
        }
        Insert: {
          category_id: string
          created_at?: string
          event_id: string
        }
        Update: {
          category_id?: string
          created_at?: string
          event_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_categories_category_id_fkey"
            columns: ["category_id"]
            isOneToOne: false
            referencedRelation: "categories"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_categories_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      event_checklist_assignments: {
        Row: {
          assigned_by: string | null
          created_at: string
          event_id: string
          item_id: string
          user_id: string
        }
        Insert: {
          assigned_by?: string | null
          created_at?: string
          event_id: string
          item_id: string
          user_id: string
        }
        Update: {
          assigned_by?: string | null
          created_at?: string
          event_id?: string
          item_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_checklist_assignments_assigned_by_fkey"
            columns: ["assigned_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_checklist_assignments_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_checklist_assignments_item_id_fkey"
            columns: ["item_id"]
            isOneToOne: false
            referencedRelation: "event_checklist_items"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_checklist_assignments_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      event_checklist_item_files: {
        Row: {
          created_at: string
          event_id: string
          item_id: string
          proposal_id: string
        }
        Insert: {
          created_at?: string
          event_id: string
          item_id: string
          proposal_id: string
        }
        Update: {
          created_at?: string
          event_id?: string
          item_id?: string
          proposal_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_checklist_item_files_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_checklist_item_files_item_id_fkey"
            columns: ["item_id"]
            isOneToOne: false
            referencedRelation: "event_checklist_items"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_checklist_item_files_proposal_id_fkey"
            columns: ["proposal_id"]
            isOneToOne: false
            referencedRelation: "event_proposals"
            referencedColumns: ["id"]
          },
        ]
      }
      event_checklist_items: {
        Row: {
          audience_role:
            | Database["public"]["Enums"]["event_participant_role"]
            | null
          created_at: string
          created_by_user_id: string | null
          description: string | null
          due_datetime: string | null
          event_id: string
          id: string
          is_completed: boolean
          link_url: string | null
          sort_order: number
          title: string
          updated_at: string
          visibility: Database["public"]["Enums"]["checklist_visibility"]
        }
        Insert: {
          audience_role?:
            | Database["public"]["Enums"]["event_participant_role"]
            | null
          created_at?: string
          created_by_user_id?: string | null
          description?: string | null
          due_datetime?: string | null
          event_id: string
          id?: string
          is_completed?: boolean
          link_url?: string | null
          sort_order?: number
          title: string
          updated_at?: string
          visibility?: Database["public"]["Enums"]["checklist_visibility"]
        }
        Update: {
          audience_role?:
            | Database["public"]["Enums"]["event_participant_role"]
            | null
          created_at?: string
          created_by_user_id?: string | null
          description?: string | null
          due_datetime?: string | null
          event_id?: string
          id?: string
          is_completed?: boolean
          link_url?: string | null
          sort_order?: number
          title?: string
          updated_at?: string
          visibility?: Database["public"]["Enums"]["checklist_visibility"]
        }
        Relationships: [
          {
            foreignKeyName: "event_checklist_items_created_by_user_id_fkey"
            columns: ["created_by_user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_checklist_items_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      event_meeting_links: {
        Row: {
          created_at: string
          event_id: string
          meeting_url: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          event_id: string
          meeting_url: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          event_id?: string
          meeting_url?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_meeting_links_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: true
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      event_participants: {
        Row: {
          attended_at: string | null
          created_at: string
          description: string | null
          event_id: string
          guest_email: string | null
          guest_name: string | null
          id: string
          invited_by: string | null
          join_method: Database["public"]["Enums"]["event_join_method"]
          payment_proof_url: string | null
          payment_status: Database["public"]["Enums"]["payment_status"] | null
          promo_image_url: string | null
          promo_link: string | null
          proposal_id: string | null
          responded_at: string | null
          role: Database["public"]["Enums"]["event_participant_role"]
          status: Database["public"]["Enums"]["event_participant_status"]
          updated_at: string
          user_id: string | null
          waitlist_position: number | null
          walk_in_token_id: string | null
        }
        Insert: {
          attended_at?: string | null
          created_at?: string
          description?: string | null
          event_id: string
          guest_email?: string | null
          guest_name?: string | null
          id?: string
          invited_by?: string | null
          join_method: Database["public"]["Enums"]["event_join_method"]
          payment_proof_url?: string | null
          payment_status?: Database["public"]["Enums"]["payment_status"] | null
          promo_image_url?: string | null
          promo_link?: string | null
          proposal_id?: string | null
          responded_at?: string | null
          role?: Database["public"]["Enums"]["event_participant_role"]
          status?: Database["public"]["Enums"]["event_participant_status"]
          updated_at?: string
          user_id?: string | null
          waitlist_position?: number | null
          walk_in_token_id?: string | null
        }
        Update: {
          attended_at?: string | null
          created_at?: string
          description?: string | null
          event_id?: string
          guest_email?: string | null
          guest_name?: string | null
          id?: string
          invited_by?: string | null
          join_method?: Database["public"]["Enums"]["event_join_method"]
          payment_proof_url?: string | null
          payment_status?: Database["public"]["Enums"]["payment_status"] | null
          promo_image_url?: string | null
          promo_link?: string | null
          proposal_id?: string | null
          responded_at?: string | null
          role?: Database["public"]["Enums"]["event_participant_role"]
          status?: Database["public"]["Enums"]["event_participant_status"]
          updated_at?: string
          user_id?: string | null
          waitlist_position?: number | null
          walk_in_token_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "event_participants_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_participants_invited_by_fkey"
            columns: ["invited_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_participants_proposal_id_fkey"
            columns: ["proposal_id"]
            isOneToOne: false
            referencedRelation: "event_proposals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_participants_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_participants_walk_in_token_id_fkey"
            columns: ["walk_in_token_id"]
            isOneToOne: false
            referencedRelation: "event_walk_in_tokens"
            referencedColumns: ["id"]
          },
        ]
      }
      event_payment_details: {
        Row: {
          created_at: string
          event_id: string
          payment_qr_url: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          event_id: string
          payment_qr_url: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          event_id?: string
          payment_qr_url?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_payment_details_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: true
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      event_pictures: {
        Row: {
          caption: string | null
          created_at: string
          created_by: string | null
          event_id: string
          id: string
          sort_order: number
          updated_at: string
          url: string
        }
        Insert: {
          caption?: string | null
          created_at?: string
          created_by?: string | null
          event_id: string
          id?: string
          sort_order?: number
          updated_at?: string
          url: string
        }
        Update: {
          caption?: string | null
          created_at?: string
          created_by?: string | null
          event_id?: string
          id?: string
          sort_order?: number
          updated_at?: string
          url?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_pictures_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_pictures_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      event_proposal_comments: {
        Row: {
          content: string
          created_at: string
          id: string
          proposal_id: string
          updated_at: string
          user_id: string
        }
        Insert: {
          content: string
          created_at?: string
          id?: string
          proposal_id: string
          updated_at?: string
          user_id?: string
        }
        Update: {
          content?: string
          created_at?: string
          id?: string
          proposal_id?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_proposal_comments_proposal_id_fkey"
            columns: ["proposal_id"]
            isOneToOne: false
            referencedRelation: "event_proposals"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_proposal_comments_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      event_proposals: {
        Row: {
          created_at: string
          created_by_user_id: string
          description: string | null
          event_id: string
          file_url: string | null
          id: string
          title: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by_user_id?: string
          description?: string | null
          event_id: string
          file_url?: string | null
          id?: string
          title: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by_user_id?: string
          description?: string | null
          event_id?: string
          file_url?: string | null
          id?: string
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_proposals_created_by_user_id_fkey"
            columns: ["created_by_user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_proposals_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      event_reminders: {
        Row: {
          created_at: string
          event_id: string
          id: string
          is_sent: boolean
          option: Database["public"]["Enums"]["reminder_option"]
          remind_at: string
          sent_at: string | null
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          event_id: string
          id?: string
          is_sent?: boolean
          option: Database["public"]["Enums"]["reminder_option"]
          remind_at?: string
          sent_at?: string | null
          updated_at?: string
          user_id?: string
        }
        Update: {
          created_at?: string
          event_id?: string
          id?: string
          is_sent?: boolean
          option?: Database["public"]["Enums"]["reminder_option"]
          remind_at?: string
          sent_at?: string | null
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_reminders_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_reminders_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      event_walk_in_tokens: {
        Row: {
          created_at: string
          created_by: string | null
          current_uses: number
          event_id: string
          expires_at: string | null
          id: string
          is_active: boolean
          label: string | null
          max_uses: number | null
          token: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          current_uses?: number
          event_id: string
          expires_at?: string | null
          id?: string
          is_active?: boolean
          label?: string | null
          max_uses?: number | null
          token?: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          created_by?: string | null
          current_uses?: number
          event_id?: string
          expires_at?: string | null
          id?: string
          is_active?: boolean
          label?: string | null
          max_uses?: number | null
          token?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_walk_in_tokens_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_walk_in_tokens_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      events: {
        Row: {
          auto_accept_registration: boolean
          average_rating: number | null
          cancel_reason: string | null
          cancelled_at: string | null
          cover_url: string | null
          created_at: string
          currency: string
          deleted_at: string | null
          description: string | null
          end_datetime: string | null
          format: Database["public"]["Enums"]["event_format"]
          id: string
          is_attendance_enabled: boolean
          logo_url: string | null
          max_participant: number | null
          organization_id: string | null
          organizer_id: string
          participant_count: number
          price: number
          published_at: string | null
          registration_status: Database["public"]["Enums"]["event_registration_status"]
          registration_type: Database["public"]["Enums"]["event_registration_type"]
          remark: string | null
          reviews_count: number
          search_tags: string[]
          start_datetime: string | null
          status: Database["public"]["Enums"]["event_status"]
          timezone: string
          title: string
          type: Database["public"]["Enums"]["event_type"]
          updated_at: string
          venue_place_id: string | null
          venue_remark: string | null
          visibility: Database["public"]["Enums"]["visibility"]
        }
        Insert: {
          auto_accept_registration?: boolean
          average_rating?: number | null
          cancel_reason?: string | null
          cancelled_at?: string | null
          cover_url?: string | null
          created_at?: string
          currency?: string
          deleted_at?: string | null
          description?: string | null
          end_datetime?: string | null
          format?: Database["public"]["Enums"]["event_format"]
          id?: string
          is_attendance_enabled?: boolean
          logo_url?: string | null
          max_participant?: number | null
          organization_id?: string | null
          organizer_id?: string
          participant_count?: number
          price?: number
          published_at?: string | null
          registration_status?: Database["public"]["Enums"]["event_registration_status"]
          registration_type?: Database["public"]["Enums"]["event_registration_type"]
          remark?: string | null
          reviews_count?: number
          search_tags?: string[]
          start_datetime?: string | null
          status?: Database["public"]["Enums"]["event_status"]
          timezone?: string
          title: string
          type: Database["public"]["Enums"]["event_type"]
          updated_at?: string
          venue_place_id?: string | null
          venue_remark?: string | null
          visibility?: Database["public"]["Enums"]["visibility"]
        }
        Update: {
          auto_accept_registration?: boolean
          average_rating?: number | null
          cancel_reason?: string | null
          cancelled_at?: string | null
          cover_url?: string | null
          created_at?: string
          currency?: string
          deleted_at?: string | null
          description?: string | null
          end_datetime?: string | null
          format?: Database["public"]["Enums"]["event_format"]
          id?: string
          is_attendance_enabled?: boolean
          logo_url?: string | null
          max_participant?: number | null
          organization_id?: string | null
          organizer_id?: string
          participant_count?: number
          price?: number
          published_at?: string | null
          registration_status?: Database["public"]["Enums"]["event_registration_status"]
          registration_type?: Database["public"]["Enums"]["event_registration_type"]
          remark?: string | null
          reviews_count?: number
          search_tags?: string[]
          start_datetime?: string | null
          status?: Database["public"]["Enums"]["event_status"]
          timezone?: string
          title?: string
          type?: Database["public"]["Enums"]["event_type"]
          updated_at?: string
          venue_place_id?: string | null
          venue_remark?: string | null
          visibility?: Database["public"]["Enums"]["visibility"]
        }
        Relationships: [
          {
            foreignKeyName: "events_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_organizer_id_fkey"
            columns: ["organizer_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      follows: {
        Row: {
          created_at: string
          followee_id: string | null
          follower_id: string
          id: string
          org_id: string | null
        }
        Insert: {
          created_at?: string
          followee_id?: string | null
          follower_id?: string
          id?: string
          org_id?: string | null
        }
        Update: {
          created_at?: string
          followee_id?: string | null
          follower_id?: string
          id?: string
          org_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "follows_followee_id_fkey"
            columns: ["followee_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_follower_id_fkey"
            columns: ["follower_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      job_experiences: {
        Row: {
          created_at: string
          description: string | null
          end_datetime: string | null
          id: string
          org_id: string | null
          start_datetime: string | null
          title: string
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          description?: string | null
          end_datetime?: string | null
          id?: string
          org_id?: string | null
          start_datetime?: string | null
          title: string
          updated_at?: string
          user_id?: string
        }
        Update: {
          created_at?: string
          description?: string | null
          end_datetime?: string | null
          id?: string
          org_id?: string | null
          start_datetime?: string | null
          title?: string
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "job_experiences_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "job_experiences_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      notification_preferences: {
        Row: {
          created_at: string
          email_enabled: boolean
          kind: Database["public"]["Enums"]["notification_kind"]
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          email_enabled?: boolean
          kind: Database["public"]["Enums"]["notification_kind"]
          updated_at?: string
          user_id?: string
        }
        Update: {
          created_at?: string
          email_enabled?: boolean
          kind?: Database["public"]["Enums"]["notification_kind"]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "notification_preferences_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      notifications: {
        Row: {
          actor_id: string | null
          content: string
          created_at: string
          data: NonNullable<Json>
          id: string
          is_read: boolean
          kind: Database["public"]["Enums"]["notification_kind"]
          link_url: string | null
          recipient_id: string
          type: Database["public"]["Enums"]["notification_type"]
        }
        Insert: {
          actor_id?: string | null
          content: string
          created_at?: string
          data?: NonNullable<Json>
          id?: string
          is_read?: boolean
          kind: Database["public"]["Enums"]["notification_kind"]
          link_url?: string | null
          recipient_id: string
          type: Database["public"]["Enums"]["notification_type"]
        }
        Update: {
          actor_id?: string | null
          content?: string
          created_at?: string
          data?: NonNullable<Json>
          id?: string
          is_read?: boolean
          kind?: Database["public"]["Enums"]["notification_kind"]
          link_url?: string | null
          recipient_id?: string
          type?: Database["public"]["Enums"]["notification_type"]
        }
        Relationships: [
          {
            foreignKeyName: "notifications_actor_id_fkey"
            columns: ["actor_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_recipient_id_fkey"
            columns: ["recipient_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      organization_bank_details: {
        Row: {
          account_number: string
          bank_name: string
          created_at: string
          holder_name: string
          organization_id: string
          updated_at: string
        }
        Insert: {
          account_number: string
          bank_name: string
          created_at?: string
          holder_name: string
          organization_id: string
          updated_at?: string
        }
        Update: {
          account_number?: string
          bank_name?: string
          created_at?: string
          holder_name?: string
          organization_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "organization_bank_details_organization_id_fkey"
            columns: ["organization_id"]
            isOneToOne: true
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
        ]
      }
      organization_members: {
        Row: {
          created_at: string
          invited_by: string | null
          org_id: string
          role: Database["public"]["Enums"]["organization_role"]
          status: Database["public"]["Enums"]["organization_member_status"]
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          invited_by?: string | null
          org_id: string
          role?: Database["public"]["Enums"]["organization_role"]
          status: Database["public"]["Enums"]["organization_member_status"]
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          invited_by?: string | null
          org_id?: string
          role?: Database["public"]["Enums"]["organization_role"]
          status?: Database["public"]["Enums"]["organization_member_status"]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "organization_members_invited_by_fkey"
            columns: ["invited_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organization_members_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "organization_members_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      organizations: {
        Row: {
          average_rating: number | null
          cover_url: string | null
          created_at: string
          decided_at: string | null
          decision_reason: string | null
          deleted_at: string | null
          description: string | null
          followers_count: number
          id: string
          location: string | null
          logo_url: string | null
          member_count: number
          name: string
          owner_id: string
          reviews_count: number
          status: Database["public"]["Enums"]["organization_status"]
          type: Database["public"]["Enums"]["organization_type"]
          updated_at: string
          visibility: Database["public"]["Enums"]["visibility"]
          website_url: string | null
        }
        Insert: {
          average_rating?: number | null
          cover_url?: string | null
          created_at?: string
          decided_at?: string | null
          decision_reason?: string | null
          deleted_at?: string | null
          description?: string | null
          followers_count?: number
          id?: string
          location?: string | null
          logo_url?: string | null
          member_count?: number
          name: string
          owner_id: string
          reviews_count?: number
          status?: Database["public"]["Enums"]["organization_status"]
          type?: Database["public"]["Enums"]["organization_type"]
          updated_at?: string
          visibility?: Database["public"]["Enums"]["visibility"]
          website_url?: string | null
        }
        Update: {
          average_rating?: number | null
          cover_url?: string | null
          created_at?: string
          decided_at?: string | null
          decision_reason?: string | null
          deleted_at?: string | null
          description?: string | null
          followers_count?: number
          id?: string
          location?: string | null
          logo_url?: string | null
          member_count?: number
          name?: string
          owner_id?: string
          reviews_count?: number
          status?: Database["public"]["Enums"]["organization_status"]
          type?: Database["public"]["Enums"]["organization_type"]
          updated_at?: string
          visibility?: Database["public"]["Enums"]["visibility"]
          website_url?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "organizations_owner_id_fkey"
            columns: ["owner_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      profile_skills: {
        Row: {
          created_at: string
          level: number
          profile_id: string
          skill_id: string
          updated_at: string
        }
        Insert: {
          created_at?: string
          level?: number
          profile_id?: string
          skill_id: string
          updated_at?: string
        }
        Update: {
          created_at?: string
          level?: number
          profile_id?: string
          skill_id?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "profile_skills_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["user_id"]
          },
          {
            foreignKeyName: "profile_skills_skill_id_fkey"
            columns: ["skill_id"]
            isOneToOne: false
            referencedRelation: "skills"
            referencedColumns: ["id"]
          },
        ]
      }
      profile_tags: {
        Row: {
          created_at: string
          profile_id: string
          tag_id: string
        }
        Insert: {
          created_at?: string
          profile_id?: string
          tag_id: string
        }
        Update: {
          created_at?: string
          profile_id?: string
          tag_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "profile_tags_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["user_id"]
          },
          {
            foreignKeyName: "profile_tags_tag_id_fkey"
            columns: ["tag_id"]
            isOneToOne: false
            referencedRelation: "tags"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          availability: string | null
          avatar_url: string | null
          average_rating: number | null
          badges: Database["public"]["Enums"]["app_role"][]
          bio: string | null
          can_be_speaker: boolean
          city: string | null
          country: string | null
          cover_url: string | null
          created_at: string
          followers_count: number
          following_count: number
          full_name: string
          github_url: string | null
          instagram_url: string | null
          intents: Database["public"]["Enums"]["profile_intent"][]
          is_listed: boolean
          is_onboarded: boolean
          linkedin_url: string | null
          origin_country: string | null
          reviews_count: number
          sponsor_tier: string | null
          sponsorships_count: number
          title: string | null
          today_status: string | null
          twitter_url: string | null
          updated_at: string
          user_id: string
          visibility: Database["public"]["Enums"]["visibility"]
          website_url: string | null
        }
        Insert: {
          availability?: string | null
          avatar_url?: string | null
          average_rating?: number | null
          badges?: Database["public"]["Enums"]["app_role"][]
          bio?: string | null
          can_be_speaker?: boolean
          city?: string | null
          country?: string | null
          cover_url?: string | null
          created_at?: string
          followers_count?: number
          following_count?: number
          full_name: string
          github_url?: string | null
          instagram_url?: string | null
          intents?: Database["public"]["Enums"]["profile_intent"][]
          is_listed?: boolean
          is_onboarded?: boolean
          linkedin_url?: string | null
          origin_country?: string | null
          reviews_count?: number
          sponsor_tier?: never
          sponsorships_count?: number
          title?: string | null
          today_status?: string | null
          twitter_url?: string | null
          updated_at?: string
          user_id: string
          visibility?: Database["public"]["Enums"]["visibility"]
          website_url?: string | null
        }
        Update: {
          availability?: string | null
          avatar_url?: string | null
          average_rating?: number | null
          badges?: Database["public"]["Enums"]["app_role"][]
          bio?: string | null
          can_be_speaker?: boolean
          city?: string | null
          country?: string | null
          cover_url?: string | null
          created_at?: string
          followers_count?: number
          following_count?: number
          full_name?: string
          github_url?: string | null
          instagram_url?: string | null
          intents?: Database["public"]["Enums"]["profile_intent"][]
          is_listed?: boolean
          is_onboarded?: boolean
          linkedin_url?: string | null
          origin_country?: string | null
          reviews_count?: number
          sponsor_tier?: never
          sponsorships_count?: number
          title?: string | null
          today_status?: string | null
          twitter_url?: string | null
          updated_at?: string
          user_id?: string
          visibility?: Database["public"]["Enums"]["visibility"]
          website_url?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "profiles_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      reviews: {
        Row: {
          comment: string | null
          created_at: string
          deleted_at: string | null
          event_id: string | null
          id: string
          org_id: string | null
          organization_is_listed: boolean
          rating: number
          reviewee_id: string | null
          reviewer_id: string
          sealed_until: string | null
          shown_reviewer_id: string | null
          updated_at: string
        }
        Insert: {
          comment?: string | null
          created_at?: string
          deleted_at?: string | null
          event_id?: string | null
          id?: string
          org_id?: string | null
          organization_is_listed?: boolean
          rating: number
          reviewee_id?: string | null
          reviewer_id: string
          sealed_until?: string | null
          shown_reviewer_id?: string | null
          updated_at?: string
        }
        Update: {
          comment?: string | null
          created_at?: string
          deleted_at?: string | null
          event_id?: string | null
          id?: string
          org_id?: string | null
          organization_is_listed?: boolean
          rating?: number
          reviewee_id?: string | null
          reviewer_id?: string
          sealed_until?: string | null
          shown_reviewer_id?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "reviews_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_org_id_fkey"
            columns: ["org_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_reviewee_id_fkey"
            columns: ["reviewee_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_reviewer_id_fkey"
            columns: ["reviewer_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      skills: {
        Row: {
          created_at: string
          id: string
          name: string
        }
        Insert: {
          created_at?: string
          id?: string
          name: string
        }
        Update: {
          created_at?: string
          id?: string
          name?: string
        }
        Relationships: []
      }
      tags: {
        Row: {
          created_at: string
          id: string
          name: string
        }
        Insert: {
          created_at?: string
          id?: string
          name: string
        }
        Update: {
          created_at?: string
          id?: string
          name?: string
        }
        Relationships: []
      }
      user_onboardings: {
        Row: {
          completed_at: string | null
          created_at: string
          flags: NonNullable<Json>
          onboarding_data: NonNullable<Json>
          status: Database["public"]["Enums"]["onboarding_status"]
          step: number
          updated_at: string
          user_id: string
        }
        Insert: {
          completed_at?: string | null
          created_at?: string
          flags?: NonNullable<Json>
          onboarding_data?: NonNullable<Json>
          status?: Database["public"]["Enums"]["onboarding_status"]
          step?: number
          updated_at?: string
          user_id: string
        }
        Update: {
          completed_at?: string | null
          created_at?: string
          flags?: NonNullable<Json>
          onboarding_data?: NonNullable<Json>
          status?: Database["public"]["Enums"]["onboarding_status"]
          step?: number
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "user_onboardings_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      user_roles: {
        Row: {
          created_at: string
          decided_at: string | null
          decided_by: string | null
          decision_reason: string | null
          requested_at: string
          role: Database["public"]["Enums"]["app_role"]
          status: Database["public"]["Enums"]["role_status"]
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          decided_at?: string | null
          decided_by?: string | null
          decision_reason?: string | null
          requested_at?: string
          role: Database["public"]["Enums"]["app_role"]
          status?: Database["public"]["Enums"]["role_status"]
          updated_at?: string
          user_id: string
        }
        Update: {
          created_at?: string
          decided_at?: string | null
          decided_by?: string | null
          decision_reason?: string | null
          requested_at?: string
          role?: Database["public"]["Enums"]["app_role"]
          status?: Database["public"]["Enums"]["role_status"]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "user_roles_decided_by_fkey"
            columns: ["decided_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "user_roles_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      users: {
        Row: {
          created_at: string
          deleted_at: string | null
          email: string | null
          id: string
          is_dashboard_pro: boolean
          is_verified: boolean
          referral_code: string
          referred_by: string | null
          status: Database["public"]["Enums"]["user_status"]
          suspended_reason: string | null
          updated_at: string
        }
        Insert: {
          created_at?: string
          deleted_at?: string | null
          email?: string | null
          id: string
          is_dashboard_pro?: boolean
          is_verified?: boolean
          referral_code?: string
          referred_by?: string | null
          status?: Database["public"]["Enums"]["user_status"]
          suspended_reason?: string | null
          updated_at?: string
        }
        Update: {
          created_at?: string
          deleted_at?: string | null
          email?: string | null
          id?: string
          is_dashboard_pro?: boolean
          is_verified?: boolean
          referral_code?: string
          referred_by?: string | null
          status?: Database["public"]["Enums"]["user_status"]
          suspended_reason?: string | null
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "users_referred_by_fkey"
            columns: ["referred_by"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      event_fellows: {
        Row: {
          avatar_url: string | null
          event_id: string | null
          full_name: string | null
          role: Database["public"]["Enums"]["event_participant_role"] | null
          user_id: string | null
        }
        Relationships: []
      }
      review_cards: {
        Row: {
          comment: string | null
          created_at: string | null
          deleted_at: string | null
          event_id: string | null
          id: string | null
          is_mine: boolean | null
          organization_id: string | null
          rating: number | null
          reviewee_id: string | null
          reviewer_avatar_url: string | null
          reviewer_id: string | null
          reviewer_is_anonymous: boolean | null
          reviewer_name: string | null
          sealed_until: string | null
          target: string | null
          updated_at: string | null
        }
        Relationships: [
          {
            foreignKeyName: "reviews_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_org_id_fkey"
            columns: ["organization_id"]
            isOneToOne: false
            referencedRelation: "organizations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "reviews_reviewee_id_fkey"
            columns: ["reviewee_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Functions: {
      event_lineup: {
        Args: { event_id: string }
        Returns: Database["public"]["CompositeTypes"]["lineup_entry"][]
        SetofOptions: {
          from: "*"
          to: "lineup_entry"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      mark_all_notifications_read: {
        Args: Record<PropertyKey, never>
        Returns: number
      }
      my_feed: {
        Args: { after_cursor?: string; page_size?: number }
        Returns: Database["public"]["CompositeTypes"]["event_search_result"][]
        SetofOptions: {
          from: "*"
          to: "event_search_result"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      my_reviews: {
        Args: Record<PropertyKey, never>
        Returns: {
          comment: string | null
          created_at: string | null
          deleted_at: string | null
          event_id: string | null
          id: string | null
          is_mine: boolean | null
          organization_id: string | null
          rating: number | null
          reviewee_id: string | null
          reviewer_avatar_url: string | null
          reviewer_id: string | null
          reviewer_is_anonymous: boolean | null
          reviewer_name: string | null
          sealed_until: string | null
          target: string | null
          updated_at: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "review_cards"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_events: {
        Args: {
          after_cursor?: string
          category_id?: string
          format?: Database["public"]["Enums"]["event_format"]
          include_past?: boolean
          organization_id?: string
          page_size?: number
          price?: Database["public"]["Enums"]["event_registration_type"]
          query?: string
          starts_after?: string
          starts_before?: string
          type?: Database["public"]["Enums"]["event_type"]
        }
        Returns: Database["public"]["CompositeTypes"]["event_search_result"][]
        SetofOptions: {
          from: "*"
          to: "event_search_result"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_organizations: {
        Args: {
          after_cursor?: string
          page_size?: number
          query?: string
          type?: Database["public"]["Enums"]["organization_type"]
        }
        Returns: Database["public"]["CompositeTypes"]["organization_search_result"][]
        SetofOptions: {
          from: "*"
          to: "organization_search_result"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      search_people: {
        Args: {
          after_cursor?: string
          page_size?: number
          query?: string
          role?: Database["public"]["Enums"]["app_role"]
          skill_id?: string
          tag_id?: string
        }
        Returns: Database["public"]["CompositeTypes"]["person_search_result"][]
        SetofOptions: {
          from: "*"
          to: "person_search_result"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      set_notification_email: {
        Args: {
          enabled: boolean
          kind: Database["public"]["Enums"]["notification_kind"]
        }
        Returns: undefined
      }
    }
    Enums: {
      app_role: "student" | "teacher" | "expert" | "sponsor" | "admin"
      checklist_visibility: "internal" | "external"
      communication_status: "pending" | "sent" | "failed"
      communication_type: "email" | "notification"
      event_format:
        | "panel_discussion"
        | "workshop"
        | "webinar"
        | "seminar"
        | "club_event"
        | "other"
      event_join_method:
        | "organizer"
        | "invited"
        | "registered"
        | "applied"
        | "walk_in"
        | "booking"
      event_participant_role:
        | "organizer"
        | "committee"
        | "speaker"
        | "sponsor"
        | "audience"
        | "student"
        | "teacher"
      event_participant_status:
        | "pending"
        | "accepted"
        | "waitlisted"
        | "rejected"
        | "attended"
        | "absent"
      event_registration_status: "opened" | "closed"
      event_registration_type: "free" | "paid"
      event_status: "draft" | "published" | "ended" | "cancelled"
      event_type: "online" | "physical" | "hybrid"
      notification_kind:
        | "welcome"
        | "role_requested"
        | "role_decided"
        | "org_decided"
        | "org_membership"
        | "org_submitted"
        | "event_invitation"
        | "invitation_answered"
        | "participant_joined"
        | "join_request"
        | "participation_decided"
        | "participant_left"
        | "participant_removed"
        | "role_changed"
        | "payment_proof_uploaded"
        | "payment_decided"
        | "walk_in_registered"
        | "attendance_recorded"
        | "registration_toggled"
        | "task_assigned"
        | "proposal_comment"
        | "event_reminder"
        | "event_changed"
        | "event_cancelled"
        | "event_moderated"
        | "review_request"
        | "review_received"
        | "new_follower"
        | "admin_broadcast"
      notification_type: "review" | "event" | "organization" | "system" | "chat"
      onboarding_status: "not_started" | "in_progress" | "completed" | "skipped"
      organization_member_status: "invited" | "requested" | "active"
      organization_role: "member" | "admin" | "owner"
      organization_status: "pending" | "approved" | "rejected"
      organization_type:
        | "company"
        | "university"
        | "community"
        | "nonprofit"
        | "government"
      payment_status: "pending" | "verified" | "rejected"
      profile_intent:
        | "open_to_speak"
        | "looking_for_speaker"
        | "open_to_sponsor"
        | "looking_for_sponsor"
        | "open_to_job"
        | "hiring_talent"
      reminder_option: "one_week" | "three_days" | "one_day"
      role_status: "pending" | "approved" | "rejected" | "revoked"
      user_status: "active" | "inactive" | "frozen" | "suspended"
      visibility: "public" | "private"
    }
    CompositeTypes: {
      event_search_result: {
        id: string | null
        title: string | null
        description: string | null
        format: Database["public"]["Enums"]["event_format"] | null
        type: Database["public"]["Enums"]["event_type"] | null
        start_datetime: string | null
        end_datetime: string | null
        timezone: string | null
        organizer_id: string | null
        organization_id: string | null
        cover_url: string | null
        logo_url: string | null
        registration_type:
          | Database["public"]["Enums"]["event_registration_type"]
          | null
        registration_status:
          | Database["public"]["Enums"]["event_registration_status"]
          | null
        price: number | null
        currency: string | null
        max_participant: number | null
        participant_count: number | null
        reviews_count: number | null
        average_rating: number | null
        tags: string[] | null
        rank: number | null
        cursor: string | null
        reasons: string[] | null
      }
      lineup_entry: {
        user_id: string | null
        participant_role:
          | Database["public"]["Enums"]["event_participant_role"]
          | null
        full_name: string | null
        title: string | null
        avatar_url: string | null
        badges: Database["public"]["Enums"]["app_role"][] | null
        sponsor_tier: string | null
        promo_link: string | null
        promo_image_url: string | null
      }
      organization_search_result: {
        id: string | null
        name: string | null
        type: Database["public"]["Enums"]["organization_type"] | null
        logo_url: string | null
        cover_url: string | null
        description: string | null
        location: string | null
        website_url: string | null
        member_count: number | null
        followers_count: number | null
        average_rating: number | null
        reviews_count: number | null
        rank: number | null
        cursor: string | null
      }
      person_search_result: {
        user_id: string | null
        full_name: string | null
        title: string | null
        avatar_url: string | null
        city: string | null
        country: string | null
        badges: Database["public"]["Enums"]["app_role"][] | null
        sponsor_tier: string | null
        can_be_speaker: boolean | null
        average_rating: number | null
        reviews_count: number | null
        followers_count: number | null
        skills: string[] | null
        tags: string[] | null
        rank: number | null
        cursor: string | null
      }
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      app_role: ["student", "teacher", "expert", "sponsor", "admin"],
      checklist_visibility: ["internal", "external"],
      communication_status: ["pending", "sent", "failed"],
      communication_type: ["email", "notification"],
      event_format: [
        "panel_discussion",
        "workshop",
        "webinar",
        "seminar",
        "club_event",
        "other",
      ],
      event_join_method: [
        "organizer",
        "invited",
        "registered",
        "applied",
        "walk_in",
        "booking",
      ],
      event_participant_role: [
        "organizer",
        "committee",
        "speaker",
        "sponsor",
        "audience",
        "student",
        "teacher",
      ],
      event_participant_status: [
        "pending",
        "accepted",
        "waitlisted",
        "rejected",
        "attended",
        "absent",
      ],
      event_registration_status: ["opened", "closed"],
      event_registration_type: ["free", "paid"],
      event_status: ["draft", "published", "ended", "cancelled"],
      event_type: ["online", "physical", "hybrid"],
      notification_kind: [
        "welcome",
        "role_requested",
        "role_decided",
        "org_decided",
        "org_membership",
        "org_submitted",
        "event_invitation",
        "invitation_answered",
        "participant_joined",
        "join_request",
        "participation_decided",
        "participant_left",
        "participant_removed",
        "role_changed",
        "payment_proof_uploaded",
        "payment_decided",
        "walk_in_registered",
        "attendance_recorded",
        "registration_toggled",
        "task_assigned",
        "proposal_comment",
        "event_reminder",
        "event_changed",
        "event_cancelled",
        "event_moderated",
        "review_request",
        "review_received",
        "new_follower",
        "admin_broadcast",
      ],
      notification_type: ["review", "event", "organization", "system", "chat"],
      onboarding_status: ["not_started", "in_progress", "completed", "skipped"],
      organization_member_status: ["invited", "requested", "active"],
      organization_role: ["member", "admin", "owner"],
      organization_status: ["pending", "approved", "rejected"],
      organization_type: [
        "company",
        "university",
        "community",
        "nonprofit",
        "government",
      ],
      payment_status: ["pending", "verified", "rejected"],
      profile_intent: [
        "open_to_speak",
        "looking_for_speaker",
        "open_to_sponsor",
        "looking_for_sponsor",
        "open_to_job",
        "hiring_talent",
      ],
      reminder_option: ["one_week", "three_days", "one_day"],
      role_status: ["pending", "approved", "rejected", "revoked"],
      user_status: ["active", "inactive", "frozen", "suspended"],
      visibility: ["public", "private"],
    },
  },
} as const

